using System.Net;
using System.Net.Sockets;
using Cutover.Core.Instances;
using Cutover.Local.Prometheus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Prometheus;

public sealed class PrometheusProcessTests
{
    // Prometheus hands discovered targets to the scrape manager at most every 5 s, then scrapes every second.
    private static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task UpdateTargetsAsync_InstanceAddedThenRemoved_IsScrapedWithItsLabelsThenDropped()
    {
        await using var server = await MetricsServer.StartAsync(requests: 42);
        await using var prometheus = await TemporaryPrometheus.StartAsync();
        var instance = new InstanceEndpoint("demo-v2-1", "v2", "127.0.0.1", server.Port, Environment.ProcessId);

        await prometheus.Process.UpdateTargetsAsync([instance], CancellationToken.None);

        await Eventually.HoldsAsync(
            async () => (await prometheus.Client.QueryAsync("up{job=\"service\"} == 1", null, CancellationToken.None)).Value?.Samples.Count == 1,
            DiscoveryTimeout,
            "up{job=\"service\"} is 1");
        var requests = await prometheus.Client.QueryAsync("demo_requests_total", null, CancellationToken.None);
        var sample = requests.Value.ShouldNotBeNull().Samples.ShouldHaveSingleItem();
        sample.Value.ShouldBe(42);
        sample.Labels["version"].ShouldBe("v2");
        sample.Labels["instance_id"].ShouldBe("demo-v2-1");
        sample.Labels["service"].ShouldBe("demo");
        sample.Labels["code"].ShouldBe("200");
        var targets = await prometheus.Client.GetTargetsAsync(CancellationToken.None);
        var target = targets.Value.ShouldNotBeNull().Where(t => t.ScrapePool == "service").ShouldHaveSingleItem();
        target.Health.ShouldBe(PrometheusTargetHealth.Up);
        target.ScrapeUrl.ShouldBe($"http://127.0.0.1:{server.Port}/metrics");

        await prometheus.Process.UpdateTargetsAsync([], CancellationToken.None);

        await Eventually.HoldsAsync(
            async () => (await prometheus.Client.GetTargetsAsync(CancellationToken.None)).Value?.Any(t => t.ScrapePool == "service") == false,
            DiscoveryTimeout,
            "the instance is gone from /api/v1/targets");
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsNamingThePort()
    {
        var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        try
        {
            var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
            await using var prometheus = TemporaryPrometheus.Create(TemporaryPrometheus.CreateOptions(port));

            var result = await prometheus.Process.StartAsync(CancellationToken.None);

            result.Started.ShouldBeFalse();
            result.Error.ShouldBe(PrometheusStartError.PortUnavailable);
            result.Message.ShouldContain($"Port {port}");
            result.Message.ShouldContain("already in use");
            prometheus.Process.ProcessId.ShouldBeNull();
        }
        finally
        {
            occupied.Stop();
        }
    }

    [Fact]
    public async Task StartAsync_BinaryMissing_FailsAsBinaryNotFound()
    {
        await using var prometheus = TemporaryPrometheus.Create(TemporaryPrometheus.CreateOptions() with { PrometheusPath = "/nonexistent/prometheus" });

        var result = await prometheus.Process.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(PrometheusStartError.BinaryNotFound);
        result.Message.ShouldContain("/nonexistent/prometheus");
    }

    [Fact]
    public async Task StartAsync_PrometheusRejectsFlag_FailsWithItsStderr()
    {
        await using var prometheus = TemporaryPrometheus.Create(TemporaryPrometheus.CreateOptions() with { RetentionTime = "forever" });

        var result = await prometheus.Process.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(PrometheusStartError.ExitedDuringStartup);
        result.Output.ShouldContain(line => line.Contains("forever", StringComparison.Ordinal));
        prometheus.Process.HasExited.ShouldBeTrue();
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryError()
    {
        var options = new PrometheusOptions { RuntimeDirectory = "/nonexistent/cutover", ServiceName = " ", Port = 70000, ReadyTimeout = TimeSpan.Zero };

        var error = Should.Throw<ArgumentException>(() => new PrometheusProcess(options, NullLogger<PrometheusProcess>.Instance, TimeProvider.System));

        error.Message.ShouldContain("ServiceName");
        error.Message.ShouldContain("Port");
        error.Message.ShouldContain("ReadyTimeout");
    }

    [Fact]
    public async Task StopAsync_Running_ExitsAndFreesThePortAndIsIdempotent()
    {
        await using var prometheus = await TemporaryPrometheus.StartAsync();
        prometheus.Process.HasExited.ShouldBeFalse();
        (await prometheus.Client.IsReadyAsync(CancellationToken.None)).ShouldBeTrue();

        await prometheus.Process.StopAsync(CancellationToken.None);
        await prometheus.Process.StopAsync(CancellationToken.None);

        prometheus.Process.HasExited.ShouldBeTrue();
        prometheus.Process.StderrTail.ShouldContain(line => line.Contains("See you next time", StringComparison.Ordinal));
        (await prometheus.Client.IsReadyAsync(CancellationToken.None)).ShouldBeFalse();
    }
}
