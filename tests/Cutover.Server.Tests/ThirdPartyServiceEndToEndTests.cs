using System.Globalization;
using Cutover.Core.Releases;
using Cutover.Testing;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>
/// Issue 12: a service with no Cutover code inside (tests/ThirdPartyService/service.py, Python's standard library only)
/// is released and judged by the golden signals the control plane measures at HAProxy and in /proc, not by metrics of
/// its own; it exposes none.
/// </summary>
public sealed class ThirdPartyServiceEndToEndTests
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tests", "ThirdPartyService", "service.py");

    [Fact]
    public async Task Deploy_GoodVersionUnderLightLoad_IsReleasedToAllTrafficWithNoFailedRequest()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, editManifest: ThirdParty);
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 2);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v2");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var finishedAt = load.Now;
        await load.WaitForResponsesAsync(load.Total + 50, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);
        var status = await platform.GetStatusAsync();

        done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
        audit.Where(a => a.Event == "traffic.shifted").Select(a => a.Detail[..a.Detail.IndexOf('%', StringComparison.Ordinal)])
            .ShouldBe(["5", "10", "25", "50", "100"]);
        report.Failures.ShouldBeEmpty();
        report.CountFor("v2").ShouldBeGreaterThan(0);
        report.VersionsAfter(finishedAt).ShouldBe(["v2"]);
        status.CurrentVersion.ShouldBe("v2");
    }

    [Theory]
    [InlineData("v3-errors", "error-rate")]
    [InlineData("v4-slow", "latency-p99")]
    public async Task Deploy_BadVersionUnderLoad_IsRolledBackByItsAlarm(string version, string alarm)
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, editManifest: ThirdParty, guard: false);
        var loadStartedAt = TimeProvider.System.GetUtcNow();
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 8);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync(version);
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var restoredAt = load.Now;
        await load.WaitForResponsesAsync(load.Total + 100, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        done.Reason!.ShouldStartWith($"alarm {alarm} is in ALARM for {version}: Threshold Crossed");
        var rollback = audit.Single(a => a.Event == "rollback.started");
        rollback.Actor.ShouldBe($"alarm:{alarm}");
        report.VersionsAfter(restoredAt).ShouldBe(["v1"]);
        if (version == "v3-errors")
        {
            var firstError = loadStartedAt.AddMilliseconds(report.Failures.Select(SentMs).Min());
            var detection = rollback.At - firstError;
            Console.WriteLine($"third-party {version}: first 5xx to rollback.started {detection.TotalSeconds:0.00} s");
            detection.ShouldBeLessThan(TimeSpan.FromSeconds(5));
            report.Failures.ShouldAllBe(f => f.EndsWith("500 from v3-errors", StringComparison.Ordinal));
        }
        else
        {
            // Slow, not failing: nobody saw an error.
            report.Failures.ShouldBeEmpty();
        }
    }

    private static long SentMs(string failure) => long.Parse(failure.AsSpan(0, failure.IndexOf("ms:", StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    /// <summary>The fixture's manifest with the sample replaced by the Python service, its faults as its own env vars.</summary>
    private static string ThirdParty(string yaml, string directory)
    {
        var service = yaml.IndexOf("  run:\n", StringComparison.Ordinal);
        var instances = yaml.IndexOf("  instances: 2\n", StringComparison.Ordinal);
        var versions = yaml.IndexOf("versions:\n", StringComparison.Ordinal);
        var environments = yaml.IndexOf("environments:\n", StringComparison.Ordinal);
        // Health checks keep the manifest's default paths under /health/, which the script answers.
        return yaml[..service]
            + $"""
              run:
                command: python3
                args: ["{Script}"]

            """
            + yaml[instances..versions]
            + """
            versions:
              v1:
                env: { GREETING: v1 }
              v2:
                env: { GREETING: v2 }
              v3-errors:
                env: { GREETING: v3-errors, ERROR_RATE: "0.2" }
              v4-slow:
                env: { GREETING: v4-slow, DELAY_MS: "2500" }

            """
            + yaml[environments..];
    }
}
