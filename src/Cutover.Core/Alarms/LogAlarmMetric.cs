namespace Cutover.Core.Alarms;

/// <summary>
/// A metric that one of the manifest's <c>logs.metricFilters</c> counts from log lines, by its <c>metricName</c>. Locally
/// the control plane counts it per version (Prometheus scrapes the counter); on AWS it is the CloudWatch metric filter's
/// metric. Its statistic is always Sum: what the filter counted in the period.
/// </summary>
/// <param name="MetricName">The metric filter's <c>metricName</c>.</param>
public sealed record LogAlarmMetric(string MetricName) : AlarmMetric;
