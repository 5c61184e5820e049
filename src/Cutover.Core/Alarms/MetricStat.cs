namespace Cutover.Core.Alarms;

/// <summary>One named input of a metric-math expression: a built-in metric and its statistic, as CloudWatch's <c>MetricStat</c>.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Statistic">How its samples become one value per period.</param>
public sealed record MetricStat(BuiltInMetric Metric, AlarmStatistic Statistic);
