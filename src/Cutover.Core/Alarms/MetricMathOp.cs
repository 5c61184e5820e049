namespace Cutover.Core.Alarms;

/// <summary>One instruction of a compiled expression, in postfix order: push a number or a metric's value, or apply an operator.</summary>
internal readonly record struct MetricMathOp(MetricMathOpKind Kind, double Number = 0, string? Id = null);
