using Cutover.Core.Alarms;

namespace Cutover.Core.Analysis;

/// <summary>
/// One comparison of canary and baseline: a built-in metric and its statistic, and how much worse the canary may be.
/// Higher is worse for every metric, so only an increase can fail. At least one of <see cref="MaxIncrease"/> and
/// <see cref="MaxRatio"/> is set; with both, exceeding either fails.
/// </summary>
public sealed record AnalysisMetricSpec
{
    /// <summary>Unique name, <c>[a-z0-9-]+</c>, shown in verdicts such as "error-rate: canary 0.19 vs baseline 0.00 …".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The built-in metric, measured per version. Default error rate.</summary>
    public BuiltInMetric Metric { get; init; } = BuiltInMetric.ErrorRate;

    /// <summary>How the interval's samples become one value per version; percentiles only for latency. Default Average.</summary>
    public AlarmStatistic Statistic { get; init; } = AlarmStatistic.Average;

    /// <summary>Fail when canary − baseline is greater than this, in the metric's unit. Null: not checked.</summary>
    public double? MaxIncrease { get; init; }

    /// <summary>
    /// Fail when canary ÷ baseline is greater than this (1.5: up to 50% above the baseline). Null: not checked. Against a
    /// zero baseline the ratio is undefined: then <see cref="MaxIncrease"/> decides if set, otherwise any canary value
    /// above 0 fails.
    /// </summary>
    public double? MaxRatio { get; init; }

    /// <summary>
    /// Fewer requests than this for the canary or the baseline in the interval make the comparison inconclusive, so a
    /// handful of requests cannot pass or fail a release. 0 (the default): request counts are not checked.
    /// </summary>
    public int MinimumRequests { get; init; }
}
