namespace Cutover.Core.Alarms;

/// <summary>
/// One alarm, with CloudWatch's semantics: each <see cref="Period"/> gives one datapoint, and the alarm goes to ALARM when
/// <see cref="DatapointsToAlarm"/> of the last <see cref="EvaluationPeriods"/> datapoints breach the threshold ("M out of N").
/// The threshold is a fixed number or, as in CloudWatch anomaly detection, a band learned from the metric's history.
/// </summary>
public sealed record AlarmSpec
{
    /// <summary>Unique name, <c>[a-z0-9-]+</c>. A manifest rule with the name of a default alarm replaces it.</summary>
    public required string Name { get; init; }

    /// <summary>What is measured: a built-in metric, a metric-math expression or a PromQL query.</summary>
    public required AlarmMetric Metric { get; init; }

    /// <summary>
    /// How a period's samples become one datapoint, for a <see cref="BuiltInAlarmMetric"/> or <see cref="PromQlAlarmMetric"/>.
    /// Not used by an <see cref="ExpressionAlarmMetric"/>, whose metrics carry their own. Default Average.
    /// </summary>
    public AlarmStatistic Statistic { get; init; } = AlarmStatistic.Average;

    /// <summary>Length of one datapoint's period: whole seconds, at least 1 s. Default 2 s.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>N: how many of the most recent periods are evaluated.</summary>
    public required int EvaluationPeriods { get; init; }

    /// <summary>M: how many of those N datapoints must breach for ALARM; 1 ≤ M ≤ N.</summary>
    public required int DatapointsToAlarm { get; init; }

    /// <summary>
    /// When a datapoint breaches: above, at or above, below, or at or below <see cref="Threshold"/>; or, for the band
    /// comparisons (<see cref="AlarmComparisonExtensions.IsBand"/>), outside, above or below its <see cref="AnomalyBand"/>.
    /// </summary>
    public required AlarmComparison Comparison { get; init; }

    /// <summary>
    /// The value datapoints are compared with, in the metric's unit (seconds for latency, 0-1 for rates). Not used with an
    /// <see cref="AnomalyBand"/>, as CloudWatch's <c>Threshold</c> is not; default 0.
    /// </summary>
    public double Threshold { get; init; }

    /// <summary>
    /// The band learned from the metric's recent datapoints that a band comparison judges against; set exactly when
    /// <see cref="Comparison"/> is a band comparison. Null for a static <see cref="Threshold"/>.
    /// </summary>
    public AnomalyBand? AnomalyBand { get; init; }

    /// <summary>What a period without data counts as. Default <see cref="TreatMissingData.Missing"/>, as in CloudWatch.</summary>
    public TreatMissingData TreatMissingData { get; init; } = TreatMissingData.Missing;

    /// <summary>Default <see cref="AlarmSeverity.Critical"/>.</summary>
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Critical;

    /// <summary>True when this alarm going to ALARM rolls a release back. Default true.</summary>
    public bool Rollback { get; init; } = true;

    /// <summary>What the alarm means, for people reading a transition.</summary>
    public string Description { get; init; } = string.Empty;
}
