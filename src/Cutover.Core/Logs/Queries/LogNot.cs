namespace Cutover.Core.Logs.Queries;

/// <summary><c>not inner</c>.</summary>
public sealed record LogNot(LogExpression Inner) : LogExpression;
