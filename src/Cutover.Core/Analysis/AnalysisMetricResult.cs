namespace Cutover.Core.Analysis;

/// <summary>One metric's verdict for one interval, with the values it was based on.</summary>
/// <param name="Name">The metric's name in the manifest.</param>
/// <param name="Verdict">Pass, fail or inconclusive.</param>
/// <param name="Canary">The canary's value; null when it had no data.</param>
/// <param name="Baseline">The baseline's value; null when it had no data.</param>
/// <param name="CanaryRequests">Requests the canary answered in the interval; null when unknown.</param>
/// <param name="BaselineRequests">Requests the baseline answered in the interval; null when unknown.</param>
/// <param name="Reason">A sentence such as "error-rate: canary 0.19 vs baseline 0.00 (+0.19 > max increase 0.01): fail".</param>
public sealed record AnalysisMetricResult(
    string Name,
    AnalysisVerdict Verdict,
    double? Canary,
    double? Baseline,
    double? CanaryRequests,
    double? BaselineRequests,
    string Reason);
