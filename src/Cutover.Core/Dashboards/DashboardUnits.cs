using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>The unit a built-in metric's values have, so a widget that names none still reads right.</summary>
internal static class DashboardUnits
{
    /// <summary>
    /// Shares for the error rate and memory, seconds for latency, per second for a count's <c>Average</c> (its rate),
    /// otherwise a count.
    /// </summary>
    public static DashboardUnit Natural(BuiltInMetric metric, AlarmStatistic statistic) => metric switch
    {
        BuiltInMetric.ErrorRate or BuiltInMetric.MemoryUtilization => DashboardUnit.Share,
        BuiltInMetric.Latency => statistic.Kind == AlarmStatisticKind.SampleCount ? DashboardUnit.Count : DashboardUnit.Seconds,
        BuiltInMetric.Requests or BuiltInMetric.Errors5xx when statistic.Kind == AlarmStatisticKind.Average => DashboardUnit.PerSecond,
        _ => DashboardUnit.Count,
    };

    /// <summary>The unit's name in the manifest and in the neutral JSON, such as <c>perSecond</c>.</summary>
    public static string Name(DashboardUnit unit) => unit switch
    {
        DashboardUnit.PerSecond => "perSecond",
        DashboardUnit.Share => "share",
        DashboardUnit.Seconds => "seconds",
        DashboardUnit.Bytes => "bytes",
        _ => "count",
    };
}
