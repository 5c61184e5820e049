namespace Cutover.Core.Logs.Queries;

/// <summary>A field of each log line.</summary>
public sealed record LogFieldOperand(LogField Field) : LogOperand;
