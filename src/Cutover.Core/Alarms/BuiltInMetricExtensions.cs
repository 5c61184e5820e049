namespace Cutover.Core.Alarms;

/// <summary>Facts about built-in metrics that manifests and docs rely on.</summary>
internal static class BuiltInMetricExtensions
{
    /// <summary>The statistic a rule gets when it names none: the one that makes sense for the metric.</summary>
    public static AlarmStatistic NaturalStatistic(this BuiltInMetric metric) => metric switch
    {
        BuiltInMetric.Requests or BuiltInMetric.Errors5xx or BuiltInMetric.Restarts => AlarmStatistic.Sum,
        BuiltInMetric.Latency => AlarmStatistic.FromPercentile(99),
        BuiltInMetric.MemoryUtilization or BuiltInMetric.UnhealthyInstances => AlarmStatistic.Maximum,
        _ => AlarmStatistic.Average,
    };

    /// <summary>True for metrics that are a share from 0 to 1, where a threshold outside 0-1 can never or always breach.</summary>
    public static bool IsShare(this BuiltInMetric metric) => metric is BuiltInMetric.ErrorRate or BuiltInMetric.MemoryUtilization;

    /// <summary>True where a period has many samples to rank (one per request), so a percentile means something.</summary>
    public static bool HasPercentiles(this BuiltInMetric metric) => metric == BuiltInMetric.Latency;
}
