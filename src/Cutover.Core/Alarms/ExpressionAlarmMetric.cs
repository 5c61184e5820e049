namespace Cutover.Core.Alarms;

/// <summary>
/// An alarm on a metric-math expression such as <c>m1 / m2</c> over named built-in metrics, CloudWatch style.
/// <see cref="MetricMath.Evaluate"/> computes one value per period from the metrics' values.
/// </summary>
public sealed record ExpressionAlarmMetric : AlarmMetric
{
    /// <param name="expression">Numbers, metric ids, + - * / and parentheses.</param>
    /// <param name="metrics">The metrics the expression names, by id.</param>
    public ExpressionAlarmMetric(string expression, IReadOnlyDictionary<string, MetricStat> metrics)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(metrics);
        Expression = expression;
        Metrics = metrics;
    }

    /// <summary>The expression, such as <c>m1 / m2</c>.</summary>
    public string Expression { get; }

    /// <summary>The metrics the expression names, by id; the manifest parser checks that each is used.</summary>
    public IReadOnlyDictionary<string, MetricStat> Metrics { get; }

    /// <summary>Equal when the expression and every metric are; the generated equality would compare the dictionary by reference.</summary>
    public bool Equals(ExpressionAlarmMetric? other) =>
        other is not null &&
        Expression == other.Expression &&
        Metrics.Count == other.Metrics.Count &&
        Metrics.All(pair => other.Metrics.TryGetValue(pair.Key, out var stat) && stat == pair.Value);

    public override int GetHashCode() => HashCode.Combine(Expression, Metrics.Count);
}
