namespace Cutover.Core.Alarms;

/// <summary>A parsed expression: postfix instructions run on a stack, and the metric ids it names.</summary>
internal sealed class MetricMathProgram(IReadOnlyList<MetricMathOp> ops, IReadOnlySet<string> ids)
{
    public IReadOnlySet<string> Ids { get; } = ids;

    /// <summary>The value, or null (missing) when an input is missing, a divisor is zero or the result is not finite.</summary>
    public double? Run(IReadOnlyDictionary<string, double?> values)
    {
        var stack = new Stack<double?>();
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case MetricMathOpKind.Number:
                    stack.Push(op.Number);
                    break;
                case MetricMathOpKind.Metric:
                    // An id without a value is a metric that reported nothing this period: missing, as in CloudWatch.
                    stack.Push(values.TryGetValue(op.Id!, out var value) ? Finite(value) : null);
                    break;
                case MetricMathOpKind.Negate:
                    stack.Push(-stack.Pop());
                    break;
                default:
                    var right = stack.Pop();
                    var left = stack.Pop();
                    stack.Push(Apply(op.Kind, left, right));
                    break;
            }
        }

        return Finite(stack.Pop());
    }

    private static double? Apply(MetricMathOpKind kind, double? left, double? right)
    {
        if (left is not { } a || right is not { } b)
        {
            return null;
        }

        return kind switch
        {
            MetricMathOpKind.Add => a + b,
            MetricMathOpKind.Subtract => a - b,
            MetricMathOpKind.Multiply => a * b,
            // CloudWatch returns no datapoint for a division by zero rather than an infinity.
            MetricMathOpKind.Divide => b == 0 ? null : a / b,
            _ => throw new InvalidOperationException($"not a binary operator: {kind}"),
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
