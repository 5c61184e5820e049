namespace Cutover.Core.Logs.Queries;

/// <summary>A number, such as <c>500</c>; a timestamp compared with <c>@timestamp</c> becomes Unix milliseconds.</summary>
public sealed record LogNumberLiteral(double Value) : LogOperand;
