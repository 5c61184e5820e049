using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>
/// A built-in metric with a statistic, as an alarm names it, so a dashboard and an alarm on the same metric show the same
/// numbers: locally the same PromQL (<see cref="PromQlBuilder"/>), on AWS the same CloudWatch metric.
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Statistic">How each point is computed: <c>Average</c> of a count is a rate per second, <c>p99</c> of latency its 99th percentile.</param>
public sealed record BuiltInDashboardMetric(BuiltInMetric Metric, AlarmStatistic Statistic) : DashboardMetric;
