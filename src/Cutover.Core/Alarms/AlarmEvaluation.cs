namespace Cutover.Core.Alarms;

/// <summary>The outcome of one <see cref="AlarmEvaluator.Evaluate(AlarmSpec, IReadOnlyList{Datapoint}, AlarmState)"/>.</summary>
/// <param name="State">The alarm's new state; the current one when the data cannot decide (treatMissingData ignore).</param>
/// <param name="Breaching">Breaching datapoints among those evaluated, counting missing ones treated as breaching.</param>
/// <param name="Present">Real (non-missing) datapoints in the evaluation range; with an anomaly band, those it could judge.</param>
/// <param name="Window">The evaluation range, one datapoint per period, oldest first; missing periods have a null value.</param>
/// <param name="Reason">Why, worded like CloudWatch's state reason.</param>
public sealed record AlarmEvaluation(AlarmState State, int Breaching, int Present, IReadOnlyList<Datapoint> Window, string Reason)
{
    /// <summary>
    /// For an alarm with an <see cref="AlarmSpec.AnomalyBand"/>: the band of the newest datapoint in the range that could be
    /// judged. Null for a static threshold, or while the band is still learning.
    /// </summary>
    public LearnedBand? Band { get; init; }
}
