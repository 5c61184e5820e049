namespace Cutover.Core.Analysis;

/// <summary>One version's value of one analysis metric over one interval. Null, NaN or infinite means no data.</summary>
/// <param name="Value">The metric's statistic over the interval, in the metric's unit.</param>
/// <param name="Requests">Requests the version answered in the interval, for <see cref="AnalysisMetricSpec.MinimumRequests"/>.</param>
public sealed record AnalysisSample(double? Value, double? Requests);
