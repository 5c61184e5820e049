namespace Cutover.Core.Alarms;

/// <summary>
/// An alarm threshold learned from the metric's own recent datapoints, in the spirit of CloudWatch's
/// <c>ANOMALY_DETECTION_BAND</c>: each datapoint is judged against mean ± <see cref="Width"/> standard deviations of the
/// (at most) <see cref="TrainingPeriods"/> real datapoints before it. Missing periods are skipped, not counted as zero.
/// Until <see cref="MinimumDatapoints"/> datapoints precede it, a datapoint cannot be judged and counts as missing.
/// docs/alarms.md explains how this differs from CloudWatch's machine-learned model.
/// </summary>
public sealed record AnomalyBand
{
    /// <summary>CloudWatch's default band width: 2 standard deviations.</summary>
    public const double DefaultWidth = 2;

    /// <summary>The default number of training datapoints: 30, a minute of the default 2 s periods.</summary>
    public const int DefaultTrainingPeriods = 30;

    /// <summary>How many earlier datapoints a datapoint needs before it can be judged; also the least <see cref="TrainingPeriods"/>.</summary>
    public const int MinimumDatapoints = 5;

    /// <summary>The most <see cref="TrainingPeriods"/> allowed.</summary>
    public const int MaximumTrainingPeriods = 1000;

    /// <summary>The least deviation as a share of the mean's magnitude: a flat 200 ms latency gets a band of at least ±2% (width 2).</summary>
    public const double RelativeDeviationFloor = 0.01;

    /// <summary>The least deviation at all, for a history flat at (or near) zero, so floating-point noise never alarms.</summary>
    public const double AbsoluteDeviationFloor = 1e-6;

    /// <summary>The band's half-width in standard deviations; greater than 0. Default 2, as in CloudWatch.</summary>
    public double Width { get; init; } = DefaultWidth;

    /// <summary>How many of the most recent real datapoints the band is learned from, <see cref="MinimumDatapoints"/>-1000. Default 30.</summary>
    public int TrainingPeriods { get; init; } = DefaultTrainingPeriods;

    /// <summary>
    /// The band for the next datapoint: mean ± <see cref="Width"/> × max(sample standard deviation,
    /// <see cref="RelativeDeviationFloor"/> × |mean|, <see cref="AbsoluteDeviationFloor"/>).
    /// </summary>
    /// <param name="training">The real datapoints before the one judged, at most <see cref="TrainingPeriods"/> of them.</param>
    /// <returns>Null while fewer than <see cref="MinimumDatapoints"/> values are given: the band is still learning.</returns>
    public LearnedBand? Learn(IReadOnlyList<double> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count < MinimumDatapoints)
        {
            return null;
        }

        var mean = training.Average();
        var squares = training.Sum(v => (v - mean) * (v - mean));
        var deviation = Math.Max(Math.Sqrt(squares / (training.Count - 1)), Math.Max(RelativeDeviationFloor * Math.Abs(mean), AbsoluteDeviationFloor));
        return new LearnedBand(mean - (Width * deviation), mean + (Width * deviation), mean, deviation, training.Count);
    }
}
