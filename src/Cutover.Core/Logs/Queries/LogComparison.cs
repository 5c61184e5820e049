namespace Cutover.Core.Logs.Queries;

/// <summary><c>left op right</c>. A missing field compares as null: no comparison with it holds.</summary>
public sealed record LogComparison(LogOperand Left, LogComparisonOperator Operator, LogOperand Right) : LogExpression;
