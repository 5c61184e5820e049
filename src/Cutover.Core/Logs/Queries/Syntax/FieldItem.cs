namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>One field of <c>fields</c>, with its alias if <c>as</c> gave one.</summary>
internal sealed record FieldItem(LogNameOperand Field, string? Alias);
