namespace Cutover.SampleService.Configuration;

/// <summary>Fault switches used in demos and tests to make a version look bad to the release tool. All off by default.</summary>
internal sealed record FaultOptions
{
    /// <summary>Share of <c>/</c> requests answered 500, in 0..1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Delay added to every <c>/</c> request.</summary>
    public TimeSpan AddedLatency { get; init; } = TimeSpan.Zero;

    /// <summary>MiB per second allocated and kept.</summary>
    public double MemoryGrowthMbPerSecond { get; init; }

    public bool FailReadiness { get; init; }

    public bool CrashAtStart { get; init; }

    /// <summary>Seed for the error decisions; <see langword="null"/> for an unseeded generator.</summary>
    public int? Seed { get; init; }
}
