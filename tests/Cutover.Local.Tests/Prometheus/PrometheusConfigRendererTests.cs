using System.Diagnostics;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Tests.Prometheus;

public sealed class PrometheusConfigRendererTests
{
    private static readonly PrometheusOptions Options = new() { RuntimeDirectory = "/var/run/cutover/prometheus", ServiceName = "demo" };

    [Fact]
    public void Render_DefaultOptions_ScrapesAndEvaluatesEverySecond()
    {
        var yaml = PrometheusConfigRenderer.Render(Options);

        yaml.ShouldContain("  scrape_interval: 1s\n");
        yaml.ShouldContain("  evaluation_interval: 1s\n");
    }

    [Fact]
    public void Render_CustomIntervals_WritesPrometheusDurations()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { ScrapeInterval = TimeSpan.FromSeconds(15), EvaluationInterval = TimeSpan.FromMilliseconds(500) });

        yaml.ShouldContain("  scrape_interval: 15s\n");
        yaml.ShouldContain("  evaluation_interval: 500ms\n");
    }

    [Fact]
    public void Render_ControlPlanePort_ScrapesTheLogMetricFiltersCounters()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { ControlPlanePort = 7400 });

        yaml.ShouldContain("  - job_name: cutover\n    metrics_path: /api/v1/logs/metrics\n    static_configs:\n      - targets:\n          - '127.0.0.1:7400'\n");
        PrometheusConfigRenderer.Render(Options).ShouldNotContain("job_name: cutover");
    }

    [Fact]
    public async Task Render_ControlPlanePort_ScrapesTheGoldenSignalsEveryQuarterSecondAndPromtoolAcceptsIt()
    {
        var options = Options with { ControlPlanePort = 7400, RuntimeDirectory = Directory.CreateTempSubdirectory("cutover-prometheus-").FullName };
        try
        {
            var yaml = PrometheusConfigRenderer.Render(options);

            yaml.ShouldContain("  - job_name: signals\n    scrape_interval: 250ms\n    metrics_path: /api/v1/signals/metrics\n    static_configs:\n      - targets:\n          - '127.0.0.1:7400'\n");
            await AssertConfigAcceptedAsync(options);
        }
        finally
        {
            Directory.Delete(options.RuntimeDirectory, recursive: true);
        }
    }

    [Fact]
    public void Render_DefaultOptions_ScrapesHaproxyStatsPort()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { HaproxyStatsPort = 18404 });

        yaml.ShouldContain("  - job_name: haproxy\n    metrics_path: /metrics\n    static_configs:\n      - targets:\n          - '127.0.0.1:18404'\n");
    }

    [Fact]
    public void Render_WildcardBindAddress_ScrapesHaproxyOnLoopback()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { BindAddress = "0.0.0.0" });

        yaml.ShouldContain("'127.0.0.1:8404'");
    }

    [Fact]
    public void Render_DefaultOptions_DiscoversInstancesFromTargetsFileEverySecond()
    {
        var yaml = PrometheusConfigRenderer.Render(Options);

        yaml.ShouldContain("  - job_name: service\n");
        yaml.ShouldContain("      - files:\n          - '/var/run/cutover/prometheus/targets/instances.json'\n        refresh_interval: 1s\n");
    }

    [Fact]
    public void Render_DefaultOptions_LoadsRuleFilesFromRulesFolder()
    {
        var yaml = PrometheusConfigRenderer.Render(Options);

        yaml.ShouldContain("rule_files:\n  - '/var/run/cutover/prometheus/rules/*.yml'\n");
    }

    [Fact]
    public void Render_RuleFilesOff_HasNoRuleFiles()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { LoadRuleFiles = false });

        yaml.ShouldNotContain("rule_files");
    }

    [Fact]
    public void Render_PathWithQuote_EscapesIt()
    {
        var yaml = PrometheusConfigRenderer.Render(Options with { RuntimeDirectory = "/tmp/o'brien" });

        yaml.ShouldContain("'/tmp/o''brien/targets/instances.json'");
    }

    [Fact]
    public async Task Render_EmptyRulesFolder_PassesPromtoolCheckConfig()
    {
        var options = TemporaryPrometheus.CreateOptions();
        try
        {
            await AssertConfigAcceptedAsync(options);
        }
        finally
        {
            Directory.Delete(options.RuntimeDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Render_RuleFileInRulesFolder_PassesPromtoolCheckConfigWithTheRule()
    {
        var options = TemporaryPrometheus.CreateOptions();
        try
        {
            Directory.CreateDirectory(options.RulesDirectory);
            await File.WriteAllTextAsync(
                Path.Combine(options.RulesDirectory, "alarms.yml"),
                "groups:\n  - name: demo\n    rules:\n      - alert: DemoDown\n        expr: up{job=\"service\"} == 0\n");

            var output = await AssertConfigAcceptedAsync(options);

            if (output is not null)
            {
                output.ShouldContain("1 rules found");
            }
        }
        finally
        {
            Directory.Delete(options.RuntimeDirectory, recursive: true);
        }
    }

    /// <summary>promtool when installed (returns its output); otherwise Prometheus itself must start with the config.</summary>
    private static async Task<string?> AssertConfigAcceptedAsync(PrometheusOptions options)
    {
        Directory.CreateDirectory(options.RulesDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(options.TargetsFilePath)!);
        await File.WriteAllTextAsync(options.TargetsFilePath, "[]");
        await File.WriteAllTextAsync(options.ConfigFilePath, PrometheusConfigRenderer.Render(options));

        var promtool = PromtoolLocator.Find(options);
        if (promtool is null)
        {
            await using var prometheus = TemporaryPrometheus.Create(options with { RuntimeDirectory = Directory.CreateTempSubdirectory("cutover-prometheus-").FullName });
            var result = await prometheus.Process.StartAsync(CancellationToken.None);
            result.Started.ShouldBeTrue(result.Message);
            return null;
        }

        var startInfo = new ProcessStartInfo(promtool) { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("check");
        startInfo.ArgumentList.Add("config");
        startInfo.ArgumentList.Add(options.ConfigFilePath);
        using var check = Process.Start(startInfo)!;
        var stdout = check.StandardOutput.ReadToEndAsync();
        var stderr = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        var output = await stdout + await stderr;

        check.ExitCode.ShouldBe(0, output);
        return output;
    }
}
