using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>
/// The dashboards every service gets unless its manifest sets <c>dashboards.useDefaults: false</c> or declares one of
/// the same name: the golden signals (traffic, errors, latency, saturation) per version, instance health, alarm
/// states and release markers.
/// </summary>
public static class DefaultDashboards
{
    /// <summary>The name of <see cref="GoldenSignals"/>.</summary>
    public const string GoldenSignalsName = "golden-signals";

    /// <summary>
    /// CPU time is not a built-in metric (no default alarm judges it), but the control plane measures it for every
    /// instance from <c>/proc</c> over its process tree (<see cref="GoldenSignalSeries.CpuSeconds"/>). Its rate is the share of one core.
    /// </summary>
    public const string CpuQuery = "sum by (version) (rate(" + GoldenSignalSeries.CpuSeconds + "{job=\"" + GoldenSignalSeries.Job + "\",version=~\"$version\"}[$window]))";

    /// <summary>The defaults for <paramref name="serviceName"/>: today the golden signals alone.</summary>
    public static IReadOnlyList<DashboardSpec> Create(string serviceName) => [GoldenSignals(serviceName)];

    /// <summary>
    /// Traffic (requests/s), errors (5xx share and rate), latency (p50, p90, p99), saturation (memory, and CPU where
    /// reported), instance health and alarm states, each per version, with release markers. The statistics are the
    /// default alarms' where they overlap, so the lines show what the alarms judge.
    /// </summary>
    /// <param name="serviceName">The service, for the title.</param>
    public static DashboardSpec GoldenSignals(string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        return new DashboardSpec
        {
            Name = GoldenSignalsName,
            Title = $"{serviceName}: golden signals",
            Description = "Traffic, errors, latency and saturation of each version side by side; markers show release events.",
            Rows =
            [
                new DashboardRow
                {
                    Title = "Traffic",
                    Widgets = [Series("Requests/s", DashboardUnit.PerSecond, Metric(BuiltInMetric.Requests, AlarmStatistic.Average, "requests/s"))],
                },
                new DashboardRow
                {
                    Title = "Errors",
                    Widgets =
                    [
                        Series("5xx error rate", DashboardUnit.Share, Metric(BuiltInMetric.ErrorRate, AlarmStatistic.Average, "5xx share")),
                        Series("5xx responses/s", DashboardUnit.PerSecond, Metric(BuiltInMetric.Errors5xx, AlarmStatistic.Average, "5xx/s")),
                    ],
                },
                new DashboardRow
                {
                    Title = "Latency",
                    Widgets =
                    [
                        Series(
                            "Latency p50 / p90 / p99",
                            DashboardUnit.Seconds,
                            Metric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(50), "p50"),
                            Metric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(90), "p90"),
                            Metric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99), "p99")),
                    ],
                },
                new DashboardRow
                {
                    Title = "Saturation",
                    Widgets =
                    [
                        Series("Memory utilization (of the limit)", DashboardUnit.Share, Metric(BuiltInMetric.MemoryUtilization, AlarmStatistic.Maximum, "memory")),
                        Series("CPU (share of one core)", DashboardUnit.Share, new PromQlDashboardMetric(CpuQuery) { Label = "cpu" }) with { Optional = true },
                    ],
                },
                new DashboardRow
                {
                    Title = "Instance health",
                    Widgets =
                    [
                        Series("Unhealthy instances", DashboardUnit.Count, Metric(BuiltInMetric.UnhealthyInstances, AlarmStatistic.Maximum, "unhealthy")),
                        new AlarmStatusWidgetSpec { Title = "Alarms" },
                    ],
                },
            ],
        };
    }

    private static TimeSeriesWidgetSpec Series(string title, DashboardUnit unit, params DashboardMetric[] metrics) =>
        new() { Title = title, Unit = unit, Metrics = metrics };

    private static BuiltInDashboardMetric Metric(BuiltInMetric metric, AlarmStatistic statistic, string label) =>
        new(metric, statistic) { Label = label };
}
