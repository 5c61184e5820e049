namespace Cutover.Core.Alarms;

/// <summary>One period's value of an alarm's metric.</summary>
/// <param name="PeriodEnd">When the period ended; periods are <see cref="AlarmSpec.Period"/> long.</param>
/// <param name="Value">The statistic over the period; null when the period had no data (a missing datapoint).</param>
public sealed record Datapoint(DateTimeOffset PeriodEnd, double? Value);
