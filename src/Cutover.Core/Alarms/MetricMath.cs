namespace Cutover.Core.Alarms;

/// <summary>
/// A tiny, pure subset of CloudWatch metric math: numbers, metric ids, <c>+ - * /</c>, unary minus and parentheses,
/// with the usual precedence. A missing input gives a missing result, and so does a division by zero.
/// </summary>
public static class MetricMath
{
    /// <summary>Computes one period's value of <paramref name="expression"/>.</summary>
    /// <param name="expression">Such as <c>m1 / m2</c> or <c>100 * (m1 - m2) / m1</c>.</param>
    /// <param name="values">Each metric id's value this period; null or absent means missing, and so does NaN or an infinity.</param>
    /// <returns>The value, or null when it is missing.</returns>
    /// <exception cref="ArgumentException">The expression does not parse; manifests are checked when they are read, so this is a bug.</exception>
    public static double? Evaluate(string expression, IReadOnlyDictionary<string, double?> values)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        if (!MetricMathParser.TryParse(expression, knownIds: null, out var program, out var error))
        {
            throw new ArgumentException($"invalid metric-math expression \"{expression}\": {error.Problem}", nameof(expression));
        }

        return program.Run(values);
    }
}
