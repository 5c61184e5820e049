using Cutover.Core.Manifest;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Tests.Prometheus;

public sealed class PrometheusOptionsTests
{
    [Fact]
    public void FromPorts_ManifestPorts_UsesBindAddressAndPorts()
    {
        var options = PrometheusOptions.FromPorts(
            new LocalPortsSpec { BindAddress = "127.0.0.2", PrometheusPort = 19090, HaproxyStatsPort = 18404 },
            "/tmp/run",
            "demo");

        options.BindAddress.ShouldBe("127.0.0.2");
        options.Port.ShouldBe(19090);
        options.HaproxyStatsPort.ShouldBe(18404);
        options.ScrapeInterval.ShouldBe(TimeSpan.FromSeconds(1));
        options.ReadyTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.TargetsFilePath.ShouldBe("/tmp/run/targets/instances.json");
    }

    [Fact]
    public void Validate_DefaultOptions_HasNoErrors()
    {
        new PrometheusOptions { RuntimeDirectory = "/tmp/run", ServiceName = "demo" }.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEveryOne()
    {
        var options = new PrometheusOptions
        {
            RuntimeDirectory = "/tmp/run",
            ServiceName = "",
            Port = 0,
            ScrapeInterval = TimeSpan.Zero,
            EvaluationInterval = TimeSpan.FromTicks(1),
        };

        options.Validate().Count.ShouldBe(4);
    }
}
