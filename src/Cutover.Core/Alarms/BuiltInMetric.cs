namespace Cutover.Core.Alarms;

/// <summary>
/// Metrics every service reports without extra instrumentation: request counters, latency and process health.
/// Each is measured per version, so an alarm judges a canary on its own traffic.
/// </summary>
public enum BuiltInMetric
{
    /// <summary>Requests answered. Natural statistic: Sum (requests per period).</summary>
    Requests,

    /// <summary>Requests answered with a 5xx status. Natural statistic: Sum.</summary>
    Errors5xx,

    /// <summary>Share of requests answered with a 5xx status, from 0 to 1. Natural statistic: Average.</summary>
    ErrorRate,

    /// <summary>Time to answer one request, in seconds; one sample per request, so percentiles apply. Natural statistic: p99.</summary>
    Latency,

    /// <summary>Resident memory divided by the memory limit, from 0 to 1. Natural statistic: Maximum.</summary>
    MemoryUtilization,

    /// <summary>Instances failing their health check. Natural statistic: Maximum.</summary>
    UnhealthyInstances,

    /// <summary>Process restarts (crashes and liveness kills). Natural statistic: Sum.</summary>
    Restarts,
}
