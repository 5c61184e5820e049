namespace Cutover.Core.Logs.Queries;

/// <summary>Text, such as <c>"Error"</c>.</summary>
public sealed record LogStringLiteral(string Value) : LogOperand;
