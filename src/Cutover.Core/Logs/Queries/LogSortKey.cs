namespace Cutover.Core.Logs.Queries;

/// <summary>
/// One key of <c>sort</c>: an output column (<see cref="LogColumnOperand"/>) or, without <c>stats</c>, any field of
/// the line (<see cref="LogFieldOperand"/>).
/// </summary>
public sealed record LogSortKey(LogOperand Target, bool Descending);
