namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary><c>limit 20</c>.</summary>
internal sealed record LimitStage(int Position, int Count) : QueryStage(Position);
