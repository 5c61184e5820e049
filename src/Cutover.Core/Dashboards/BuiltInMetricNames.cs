using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>The built-in metrics' names as the manifest spells them, for the neutral JSON and generated titles.</summary>
internal static class BuiltInMetricNames
{
    public static string Of(BuiltInMetric metric) => metric switch
    {
        BuiltInMetric.Requests => "requests",
        BuiltInMetric.Errors5xx => "errors5xx",
        BuiltInMetric.ErrorRate => "errorRate",
        BuiltInMetric.Latency => "latency",
        BuiltInMetric.MemoryUtilization => "memoryUtilization",
        BuiltInMetric.UnhealthyInstances => "unhealthyInstances",
        BuiltInMetric.Restarts => "restarts",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };
}
