namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary><c>stats count(), avg(x) by bin(1m), level</c>.</summary>
internal sealed record StatsStage(int Position, IReadOnlyList<AggregateItem> Aggregates, IReadOnlyList<GroupItem> Groups) : QueryStage(Position);
