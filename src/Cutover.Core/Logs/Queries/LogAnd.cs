namespace Cutover.Core.Logs.Queries;

/// <summary><c>left and right</c>.</summary>
public sealed record LogAnd(LogExpression Left, LogExpression Right) : LogExpression;
