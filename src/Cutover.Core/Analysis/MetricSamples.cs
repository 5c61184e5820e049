namespace Cutover.Core.Analysis;

/// <summary>Both versions' samples of one analysis metric over one interval; null means no data.</summary>
/// <param name="Canary">The new version's sample.</param>
/// <param name="Baseline">The old version's sample.</param>
public sealed record MetricSamples(AnalysisSample? Canary, AnalysisSample? Baseline);
