namespace Cutover.Core.Analysis;

/// <summary>
/// One interval's comparison: <see cref="AnalysisVerdict.Fail"/> when any metric fails, otherwise
/// <see cref="AnalysisVerdict.Inconclusive"/> when any metric is, otherwise <see cref="AnalysisVerdict.Pass"/>.
/// </summary>
/// <param name="From">Start of the interval compared.</param>
/// <param name="To">End of the interval compared.</param>
/// <param name="Verdict">The interval's verdict.</param>
/// <param name="Metrics">Each metric's verdict, in manifest order.</param>
/// <param name="Summary">A sentence for the audit trail, such as "fail: error-rate failed, latency passed".</param>
public sealed record AnalysisResult(
    DateTimeOffset From,
    DateTimeOffset To,
    AnalysisVerdict Verdict,
    IReadOnlyList<AnalysisMetricResult> Metrics,
    string Summary);
