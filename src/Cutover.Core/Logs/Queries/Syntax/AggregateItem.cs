namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>One aggregate call as written: <c>count()</c>, <c>count(*)</c>, <c>avg(DurationMs)</c>, <c>pct(DurationMs, 99) as p99</c>.</summary>
/// <param name="Function">The function name as written.</param>
/// <param name="Argument">The field argument; null for <c>count()</c> and <c>count(*)</c>.</param>
/// <param name="Percentile">The second argument of <c>pct</c>.</param>
/// <param name="Alias">The name after <c>as</c>.</param>
/// <param name="Text">The call in canonical form, the column's name without an alias.</param>
/// <param name="Position">Where the call starts.</param>
internal sealed record AggregateItem(string Function, LogNameOperand? Argument, double? Percentile, string? Alias, string Text, int Position);
