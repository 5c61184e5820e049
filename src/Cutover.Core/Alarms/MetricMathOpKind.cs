namespace Cutover.Core.Alarms;

/// <summary>The instructions of a compiled metric-math expression.</summary>
internal enum MetricMathOpKind
{
    Number,
    Metric,
    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,
}
