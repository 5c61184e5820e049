namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>One key of <c>stats ... by</c>: a field, or <c>bin(duration)</c>, with an optional alias.</summary>
internal sealed record GroupItem(LogNameOperand? Field, TimeSpan? Bin, string? Alias, string Text, int Position);
