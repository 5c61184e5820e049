namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary><c>filter condition</c>.</summary>
internal sealed record FilterStage(int Position, LogExpression Condition) : QueryStage(Position);
