namespace Cutover.Core.Logs.Queries;

/// <summary>An aggregate of <c>stats</c>, such as <c>count()</c> or <c>pct(DurationMs, 99)</c>.</summary>
/// <param name="Name">The alias, or the call as written in canonical form, such as <c>count()</c>.</param>
/// <param name="Function">The function.</param>
/// <param name="Field">Its argument; null for <c>count()</c>.</param>
/// <param name="Percentile">For <see cref="LogAggregateFunction.Percentile"/>, from 0 to 100.</param>
public sealed record LogAggregateColumn(string Name, LogAggregateFunction Function, LogField? Field, double? Percentile) : LogColumn(Name);
