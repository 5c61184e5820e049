namespace Cutover.Core.Alarms;

/// <summary>An alarm on one built-in metric, combined per period with <see cref="AlarmSpec.Statistic"/>.</summary>
/// <param name="Metric">The metric.</param>
public sealed record BuiltInAlarmMetric(BuiltInMetric Metric) : AlarmMetric;
