namespace Cutover.Core.Logs.Queries;

/// <summary><c>left or right</c>.</summary>
public sealed record LogOr(LogExpression Left, LogExpression Right) : LogExpression;
