namespace Cutover.Core.Alarms;

/// <summary>Which datapoints of an evaluation range breach: against the threshold, or against each one's learned band.</summary>
public static partial class AlarmEvaluator
{
    /// <summary>
    /// How many periods of data the evaluation of <paramref name="alarm"/> can use: the range, plus the training periods
    /// of its anomaly band, whose datapoints before the range teach the band of those inside it.
    /// </summary>
    internal static int HistoryPeriods(AlarmSpec alarm) => EvaluationRange(alarm) + (alarm.AnomalyBand?.TrainingPeriods ?? 0);

    /// <summary>
    /// Judges the datapoints of one evaluation range. With a static threshold every real datapoint is judged; with an
    /// anomaly band, each real datapoint against the band learned from the real datapoints before it (in the range or
    /// older), and one with too few of them is still learning: it counts as missing.
    /// </summary>
    private sealed class Judge
    {
        private readonly Dictionary<DateTimeOffset, LearnedBand> _bands = [];

        private Judge(AlarmSpec alarm) => Alarm = alarm;

        public AlarmSpec Alarm { get; }

        /// <summary>The band of the newest judged datapoint; null for a static threshold or while the band learns.</summary>
        public LearnedBand? Latest { get; private set; }

        /// <summary>
        /// When nothing in the range could be judged because the band is still learning: how many datapoints the newest
        /// of them had to learn from. Null otherwise.
        /// </summary>
        public int? Learning { get; private set; }

        /// <param name="alarm">The alarm.</param>
        /// <param name="recent">Every datapoint given to the evaluation, training history included.</param>
        /// <param name="window">The evaluation range, oldest first, on the grid of its last period end.</param>
        public static Judge For(AlarmSpec alarm, IReadOnlyList<Datapoint> recent, List<Datapoint> window)
        {
            var judge = new Judge(alarm);
            if (alarm.AnomalyBand is not { } band || window.Count == 0)
            {
                return judge;
            }

            // Real values by age in periods (0: the range's last period), on the same grid and with the same "later in
            // the list wins" as the range itself, so a datapoint's own value never teaches its band.
            var period = alarm.Period.Ticks;
            var end = window[^1].PeriodEnd;
            var history = new SortedDictionary<long, double>();
            foreach (var datapoint in recent)
            {
                var age = (end - datapoint.PeriodEnd).Ticks / period;
                if (age >= 0 && Finite(datapoint.Value) is { } value)
                {
                    history[age] = value;
                }
            }

            var ages = history.Keys.ToArray();
            var values = history.Values.ToArray();
            for (var i = 0; i < window.Count; i++)
            {
                var datapoint = window[i];
                if (datapoint.Value is null)
                {
                    continue;
                }

                // Ages ascend, so the datapoints before this one start right after its own age: nearest first.
                var age = (long)(window.Count - 1 - i);
                var first = Array.BinarySearch(ages, age);
                first = first >= 0 ? first + 1 : ~first;
                var training = values.AsSpan(first, Math.Min(band.TrainingPeriods, values.Length - first)).ToArray();
                if (band.Learn(training) is { } learned)
                {
                    judge._bands[datapoint.PeriodEnd] = learned;
                    judge.Latest = learned;
                    judge.Learning = null;
                }
                else if (judge.Latest is null)
                {
                    judge.Learning = training.Length;
                }
            }

            return judge;
        }

        /// <summary>True for a datapoint the evaluation counts: a real one, and with a band, one the band could judge.</summary>
        public bool Counts(Datapoint datapoint) =>
            datapoint.Value is not null && (Alarm.AnomalyBand is null || _bands.ContainsKey(datapoint.PeriodEnd));

        /// <summary>The band <paramref name="datapoint"/> was judged against; null for a static threshold or a learning datapoint.</summary>
        public LearnedBand? BandOf(Datapoint datapoint) => _bands.GetValueOrDefault(datapoint.PeriodEnd);

        /// <summary>Whether a counted datapoint breaches.</summary>
        public bool IsBreaching(Datapoint datapoint)
        {
            var value = datapoint.Value!.Value;
            if (BandOf(datapoint) is { } band)
            {
                return Alarm.Comparison switch
                {
                    AlarmComparison.GreaterThanUpperThreshold => value > band.Upper,
                    AlarmComparison.LessThanLowerThreshold => value < band.Lower,
                    _ => value < band.Lower || value > band.Upper,
                };
            }

            return Alarm.Comparison switch
            {
                AlarmComparison.GreaterThanThreshold => value > Alarm.Threshold,
                AlarmComparison.GreaterThanOrEqualToThreshold => value >= Alarm.Threshold,
                AlarmComparison.LessThanThreshold => value < Alarm.Threshold,
                AlarmComparison.LessThanOrEqualToThreshold => value <= Alarm.Threshold,
                _ => false,
            };
        }
    }
}
