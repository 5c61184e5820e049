namespace Cutover.Core.Manifest;

/// <summary>Fault switches the sample service honours, so a bad version can be released on purpose.</summary>
public sealed record FaultSpec
{
    /// <summary>Share of requests answered with 500, from 0 to 1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Latency added to every request.</summary>
    public TimeSpan AddedLatency { get; init; }

    /// <summary>Memory the process allocates and keeps each second, in MiB.</summary>
    public double MemoryGrowthMbPerSecond { get; init; }

    /// <summary>The readiness endpoint always fails.</summary>
    public bool FailReadiness { get; init; }

    /// <summary>The process exits with an error right after it starts.</summary>
    public bool CrashAtStart { get; init; }

    public bool IsNone => this == new FaultSpec();
}
