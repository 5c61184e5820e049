using System.Diagnostics;
using Cutover.Core.Manifest;
using Cutover.Local.Haproxy;

namespace Cutover.Local.Tests.Haproxy;

public sealed class HaproxyConfigRendererTests
{
    [Fact]
    public async Task Render_ManifestDefaults_PassesHaproxyCheck()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cutover-hx-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, HaproxyLayout.ConfigFileName);
            // The process host writes this before every fresh start; the config names it.
            await File.WriteAllTextAsync(Path.Combine(directory, HaproxyLayout.StateFileName), HaproxyLayout.EmptyStateFile);
            await File.WriteAllTextAsync(path, HaproxyConfigRenderer.Render(new LocalPortsSpec(), new HealthCheckSpec(), 16, directory));
            var start = new ProcessStartInfo("haproxy") { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { "-c", "-f", path } };
            using var check = Process.Start(start)!;
            var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
            await check.WaitForExitAsync();

            check.ExitCode.ShouldBe(0, output);
            output.ShouldNotContain("WARNING", Case.Sensitive, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Render_ThreeSlots_DeclaresThreePlaceholderSlotsInMaintenancePerBackend()
    {
        var config = HaproxyConfigRenderer.Render(new LocalPortsSpec(), new HealthCheckSpec(), 3, "/run/cutover");

        foreach (var backend in new[] { "production", "test" })
        {
            var section = Section(config, $"backend {backend}");
            section.ShouldContain("    server s0 127.0.0.1:1 disabled weight 0 check");
            section.ShouldContain("    server s2 127.0.0.1:1 disabled weight 0 check");
            section.ShouldNotContain("server s3 ");
        }
    }

    [Fact]
    public void Render_Ports_BindsEachListenerAndTheAdminSocket()
    {
        var ports = new LocalPortsSpec { BindAddress = "127.0.0.2", ProductionPort = 9000, TestPort = 9001, HaproxyStatsPort = 9002 };

        var config = HaproxyConfigRenderer.Render(ports, new HealthCheckSpec(), 1, "/run/cutover");

        Section(config, "frontend production").ShouldContain("bind 127.0.0.2:9000");
        Section(config, "frontend test").ShouldContain("bind 127.0.0.2:9001");
        Section(config, "frontend stats").ShouldContain("bind 127.0.0.2:9002");
        Section(config, "frontend stats").ShouldContain("http-request use-service prometheus-exporter if { path /metrics }");
        Section(config, "frontend production").ShouldContain("log ring@requests format raw local0 info");
        Section(config, "frontend test").ShouldContain($"log-format \"{HaproxyRequestLog.Format}\"");
        Section(config, "ring requests").ShouldContain("format raw");
        Section(config, "global").ShouldContain("stats socket /run/cutover/haproxy.sock mode 600 level admin");
    }

    [Fact]
    public void Render_HealthCheck_ChecksPathWithIntervalAndThresholds()
    {
        var healthCheck = new HealthCheckSpec { Path = "/ready", Interval = TimeSpan.FromMilliseconds(1500), HealthyThreshold = 3, UnhealthyThreshold = 4 };

        var backend = Section(HaproxyConfigRenderer.Render(new LocalPortsSpec(), healthCheck, 1, "/run/cutover"), "backend production");

        backend.ShouldContain("option httpchk GET /ready");
        backend.ShouldContain("default-server inter 1500ms fall 4 rise 3");
    }

    [Fact]
    public void Render_Defaults_RetriesConnectionsClosedByStoppingInstances()
    {
        var defaults = Section(HaproxyConfigRenderer.Render(new LocalPortsSpec(), new HealthCheckSpec(), 1, "/run/cutover"), "defaults");

        defaults.ShouldContain("retry-on conn-failure empty-response response-timeout");
        defaults.ShouldContain("option redispatch 1");
    }

    [Fact]
    public void Render_PathWithSpace_Throws()
    {
        Should.Throw<ArgumentException>(() => HaproxyConfigRenderer.Render(new LocalPortsSpec(), new HealthCheckSpec { Path = "/ready x" }, 1, "/run/cutover"))
            .Message.ShouldContain("HealthCheck.Path");
    }

    private static string Section(string config, string header)
    {
        var start = config.IndexOf("\n" + header + "\n", StringComparison.Ordinal) + 1;
        start.ShouldBeGreaterThan(0, $"no '{header}' section");
        var end = config.IndexOf("\n\n", start, StringComparison.Ordinal);
        return config[start..(end < 0 ? config.Length : end)];
    }
}
