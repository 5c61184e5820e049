using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class DefaultDashboardsTests
{
    private static readonly DashboardSpec GoldenSignals = DefaultDashboards.GoldenSignals("checkout");

    [Fact]
    public void GoldenSignals_Always_HasOneRowPerSignalAndReleaseMarkers()
    {
        GoldenSignals.Name.ShouldBe("golden-signals");
        GoldenSignals.Title.ShouldBe("checkout: golden signals");
        GoldenSignals.Rows.Select(r => r.Title).ShouldBe(["Traffic", "Errors", "Latency", "Saturation", "Instance health"]);
        GoldenSignals.ReleaseMarkers.ShouldBeTrue();
    }

    [Fact]
    public void GoldenSignals_EveryGraph_IsDrawnPerVersion()
    {
        var graphs = GoldenSignals.Widgets.OfType<TimeSeriesWidgetSpec>().ToList();

        graphs.Count.ShouldBe(7);
        graphs.ShouldAllBe(g => g.PerVersion);
    }

    [Fact]
    public void GoldenSignals_BuiltInMetrics_AreTrafficErrorsLatencySaturationAndHealth()
    {
        var metrics = GoldenSignals.Widgets.OfType<TimeSeriesWidgetSpec>()
            .SelectMany(g => g.Metrics.OfType<BuiltInDashboardMetric>().Select(m => (g.Title, m.Metric, Statistic: m.Statistic.ToString(), g.Unit)))
            .ToList();

        metrics.ShouldBe(
        [
            ("Requests/s", BuiltInMetric.Requests, "Average", DashboardUnit.PerSecond),
            ("5xx error rate", BuiltInMetric.ErrorRate, "Average", DashboardUnit.Share),
            ("5xx responses/s", BuiltInMetric.Errors5xx, "Average", DashboardUnit.PerSecond),
            ("Latency p50 / p90 / p99", BuiltInMetric.Latency, "p50", DashboardUnit.Seconds),
            ("Latency p50 / p90 / p99", BuiltInMetric.Latency, "p90", DashboardUnit.Seconds),
            ("Latency p50 / p90 / p99", BuiltInMetric.Latency, "p99", DashboardUnit.Seconds),
            ("Memory utilization (of the limit)", BuiltInMetric.MemoryUtilization, "Maximum", DashboardUnit.Share),
            ("Unhealthy instances", BuiltInMetric.UnhealthyInstances, "Maximum", DashboardUnit.Count),
        ]);
    }

    [Fact]
    public void GoldenSignals_ErrorRateAndMemory_UseTheDefaultAlarmsStatistics()
    {
        var alarms = DefaultAlarms.Create().ToDictionary(a => ((BuiltInAlarmMetric)a.Metric).Metric, a => a.Statistic);
        var drawn = GoldenSignals.Widgets.OfType<TimeSeriesWidgetSpec>().SelectMany(g => g.Metrics).OfType<BuiltInDashboardMetric>().ToList();

        foreach (var metric in new[] { BuiltInMetric.ErrorRate, BuiltInMetric.Latency, BuiltInMetric.MemoryUtilization, BuiltInMetric.UnhealthyInstances })
        {
            drawn.ShouldContain(m => m.Metric == metric && m.Statistic == alarms[metric], $"{metric} with the alarm's statistic {alarms[metric]}");
        }
    }

    [Fact]
    public void GoldenSignals_Cpu_IsAnOptionalPromQlGraphOfProcessCpuSeconds()
    {
        var cpu = GoldenSignals.Widgets.OfType<TimeSeriesWidgetSpec>().Single(g => g.Title.StartsWith("CPU", StringComparison.Ordinal));

        cpu.Optional.ShouldBeTrue();
        cpu.Unit.ShouldBe(DashboardUnit.Share);
        cpu.Metrics.ShouldHaveSingleItem().ShouldBe(new PromQlDashboardMetric(
            "sum by (version) (rate(cutover_instance_cpu_seconds_total{job=\"signals\",version=~\"$version\"}[$window]))") { Label = "cpu" });
    }

    [Fact]
    public void GoldenSignals_InstanceHealth_ShowsEveryAlarm()
    {
        GoldenSignals.Rows[^1].Widgets.OfType<AlarmStatusWidgetSpec>().ShouldHaveSingleItem().Alarms.ShouldBeNull();
    }

    [Fact]
    public void GoldenSignals_SameService_IsEqual()
    {
        DefaultDashboards.GoldenSignals("checkout").ShouldBe(GoldenSignals);
        DefaultDashboards.GoldenSignals("payments").ShouldNotBe(GoldenSignals);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void GoldenSignals_BlankServiceName_Throws(string name)
    {
        Should.Throw<ArgumentException>(() => DefaultDashboards.GoldenSignals(name));
    }
}
