namespace Cutover.Core.Analysis;

/// <summary>
/// Canary analysis: every <see cref="Interval"/> during shifting and bake, each metric of the new version (the canary) is
/// compared with the same metric of the old version (the baseline) over that interval, in the spirit of Kayenta and
/// Argo Rollouts analysis. Too many failing or inconclusive comparisons in a row roll the release back.
/// </summary>
public sealed record AnalysisSpec
{
    /// <summary>How often a comparison runs, over the interval just ended. At least 1 s. Default 4 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Failing comparisons without a passing one in between that roll the release back. At least 1. Default 2.</summary>
    public int ConsecutiveFailureLimit { get; init; } = 2;

    /// <summary>
    /// Inconclusive comparisons (no data, too few requests) without a passing one in between that roll the release back
    /// as inconclusive: a release that cannot be judged is not promoted. At least 1. Default 3.
    /// </summary>
    public int InconclusiveLimit { get; init; } = 3;

    /// <summary>The metrics compared each interval, in manifest order, with unique names. The manifest requires at least one.</summary>
    public IReadOnlyList<AnalysisMetricSpec> Metrics { get; init; } = [];

    /// <summary>Equal when the settings and every metric are; the generated equality would compare the list by reference.</summary>
    public bool Equals(AnalysisSpec? other) =>
        other is not null &&
        Interval == other.Interval &&
        ConsecutiveFailureLimit == other.ConsecutiveFailureLimit &&
        InconclusiveLimit == other.InconclusiveLimit &&
        Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(Interval, ConsecutiveFailureLimit, InconclusiveLimit, Metrics.Count);
}
