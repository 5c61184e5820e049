namespace Cutover.Core.Logs.Queries;

/// <summary>An output column of <c>stats</c>, by its index in <see cref="LogQueryPlan.Columns"/>.</summary>
public sealed record LogColumnOperand(string Name, int Index) : LogOperand;
