namespace Cutover.Core.Alarms;

/// <summary>
/// Decides an alarm's state from its recent datapoints with CloudWatch's rules ("How alarm state is evaluated when data is
/// missing", docs/alarms.md): the evaluation range is the last N + 2 periods; with at least N real datapoints in it, the most
/// recent N decide and missing data does not matter; with fewer, missing periods are filled per
/// <see cref="AlarmSpec.TreatMissingData"/>, as few times as possible. A datapoint breaches against the threshold or, with an
/// <see cref="AlarmSpec.AnomalyBand"/>, against the band learned from the datapoints before it. Pure: no clock, no I/O.
/// </summary>
public static partial class AlarmEvaluator
{
    // CloudWatch retrieves "a higher number of data points than Evaluation Periods", how many depending on the period;
    // its documented examples retrieve 5 for N = 3. N + 2 reproduces them and keeps a short period's range short.
    private const int ExtraPeriods = 2;

    /// <summary>How many periods the evaluation range of <paramref name="alarm"/> spans: N + 2.</summary>
    public static int EvaluationRange(AlarmSpec alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.EvaluationPeriods + ExtraPeriods;
    }

    /// <summary>
    /// Evaluates the range ending at the newest datapoint's period. Missing periods are datapoints with a null value or
    /// periods with no datapoint at all; with no datapoints the whole range is missing.
    /// </summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="recent">
    /// Recent datapoints in any order; NaN and infinities count as missing. Older ones than the range are ignored, except
    /// that an anomaly band learns from them.
    /// </param>
    /// <param name="current">The alarm's state now, kept when the data cannot decide (treatMissingData ignore).</param>
    public static AlarmEvaluation Evaluate(AlarmSpec alarm, IReadOnlyList<Datapoint> recent, AlarmState current)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(recent);
        var evaluatedAt = recent.Count == 0 ? DateTimeOffset.MinValue : recent.Max(d => d.PeriodEnd);
        return Evaluate(alarm, recent, current, evaluatedAt);
    }

    /// <summary>
    /// Evaluates the range as of <paramref name="evaluatedAt"/>: periods that ended since the newest datapoint count as
    /// missing, so an alarm notices data that stopped.
    /// </summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="recent">
    /// Recent datapoints in any order; NaN and infinities count as missing. For an anomaly band, include the
    /// <see cref="AnomalyBand.TrainingPeriods"/> real datapoints before the range: the band of each datapoint is learned
    /// from those before it.
    /// </param>
    /// <param name="current">The alarm's state now, kept when the data cannot decide.</param>
    /// <param name="evaluatedAt">Now. Periods follow the datapoints' grid (their period ends), extended to now.</param>
    /// <param name="notBefore">
    /// When the thing being judged started (a canary's first instance, say). Periods before it are outside the range
    /// rather than missing, so a new version is not judged on time before it existed. Null: no such limit.
    /// </param>
    public static AlarmEvaluation Evaluate(
        AlarmSpec alarm,
        IReadOnlyList<Datapoint> recent,
        AlarmState current,
        DateTimeOffset evaluatedAt,
        DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(recent);
        Validate(alarm);

        var window = Window(alarm, recent, evaluatedAt, notBefore);
        if (window.Count == 0)
        {
            var since = notBefore ?? evaluatedAt;
            return new AlarmEvaluation(current, 0, 0, window, $"{Prefix(current)}the first {Seconds(alarm.Period)} period since {Time(since)} has not ended yet");
        }

        var judge = Judge.For(alarm, recent, window);
        return Decide(judge, window, current) with { Band = judge.Latest };
    }

    /// <summary>Checks what the evaluation relies on; a spec that fails this is a bug, since manifests are validated when read.</summary>
    internal static void Validate(AlarmSpec alarm)
    {
        if (alarm.Period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"alarm {alarm.Name}: the period must be positive, got {alarm.Period}", nameof(alarm));
        }

        if (alarm.EvaluationPeriods < 1 || alarm.DatapointsToAlarm < 1 || alarm.DatapointsToAlarm > alarm.EvaluationPeriods)
        {
            throw new ArgumentException(
                $"alarm {alarm.Name}: datapointsToAlarm ({alarm.DatapointsToAlarm}) must be from 1 to evaluationPeriods ({alarm.EvaluationPeriods})",
                nameof(alarm));
        }

        if (alarm.Comparison.IsBand() != alarm.AnomalyBand is not null)
        {
            throw new ArgumentException(
                alarm.AnomalyBand is null
                    ? $"alarm {alarm.Name}: comparison {alarm.Comparison} needs an anomaly band"
                    : $"alarm {alarm.Name}: an anomaly band needs a band comparison, not {alarm.Comparison}",
                nameof(alarm));
        }

        if (alarm.AnomalyBand is { } band &&
            (!double.IsFinite(band.Width) || band.Width <= 0 || band.TrainingPeriods is < AnomalyBand.MinimumDatapoints or > AnomalyBand.MaximumTrainingPeriods))
        {
            throw new ArgumentException(
                $"alarm {alarm.Name}: the anomaly band's width ({band.Width}) must be above 0 and its training periods ({band.TrainingPeriods}) " +
                $"from {AnomalyBand.MinimumDatapoints} to {AnomalyBand.MaximumTrainingPeriods}",
                nameof(alarm));
        }
    }

    /// <summary>The evaluation range as one datapoint per period, oldest first, on the grid of the newest datapoint.</summary>
    private static List<Datapoint> Window(AlarmSpec alarm, IReadOnlyList<Datapoint> recent, DateTimeOffset evaluatedAt, DateTimeOffset? notBefore)
    {
        var period = alarm.Period;
        var anchor = recent.Count > 0 ? recent.Max(d => d.PeriodEnd) : notBefore ?? evaluatedAt;
        var end = anchor >= evaluatedAt ? anchor : anchor + TimeSpan.FromTicks((evaluatedAt - anchor).Ticks / period.Ticks * period.Ticks);

        var length = EvaluationRange(alarm);
        var values = new double?[length];
        var occupied = 0;
        foreach (var datapoint in recent)
        {
            var age = (end - datapoint.PeriodEnd).Ticks / period.Ticks;
            if (age < 0 || age >= length)
            {
                continue;
            }

            // A real value beats a missing one for the same period; between two real values the later one in the list wins.
            if (Finite(datapoint.Value) is { } value)
            {
                values[age] = value;
                occupied = Math.Max(occupied, (int)age + 1);
            }
        }

        if (notBefore is { } start)
        {
            var elapsed = end < start ? 0 : (int)Math.Min(length, (end - start).Ticks / period.Ticks);
            length = Math.Max(elapsed, occupied);
        }

        var window = new List<Datapoint>(length);
        for (var age = length - 1; age >= 0; age--)
        {
            window.Add(new Datapoint(Earlier(end, period.Ticks * age), values[age]));
        }

        return window;
    }

    private static AlarmEvaluation Decide(Judge judge, List<Datapoint> window, AlarmState current)
    {
        var alarm = judge.Alarm;
        var n = alarm.EvaluationPeriods;
        var m = alarm.DatapointsToAlarm;

        // Newest first, as CloudWatch picks "the most recent real data points".
        var present = window.Where(judge.Counts).Reverse().ToList();
        if (present.Count >= n)
        {
            var evaluated = present.Take(n).Reverse().ToList();
            var breaching = evaluated.Where(judge.IsBreaching).ToList();
            return breaching.Count >= m
                ? new(AlarmState.Alarm, breaching.Count, present.Count, window, Crossed(judge, breaching, breaching.Count, n))
                : new(AlarmState.Ok, breaching.Count, present.Count, window, NotCrossed(judge, evaluated.Where(d => !judge.IsBreaching(d)).ToList()));
        }

        var data = new Shortfall(judge, window, present);
        return alarm.TreatMissingData switch
        {
            TreatMissingData.Breaching => FillBreaching(data, current),
            TreatMissingData.NotBreaching => FillNotBreaching(data, current),
            TreatMissingData.Ignore => KeepUnlessDecided(data, current),
            _ => TreatAsMissing(data),
        };
    }

    private static AlarmEvaluation FillBreaching(Shortfall data, AlarmState current)
    {
        var breaching = data.Breaching.Count + data.Fills;
        var reasonTail = $"{MissingCount(data.Fills)} {Was(data.Fills)} treated as [Breaching]";
        if (breaching >= data.M)
        {
            var reason = data.Present.Count == 0
                ? $"Threshold Crossed: {data.NoData} and {reasonTail}"
                : $"{Crossed(data.Judge, data.Breaching, breaching, data.N)}, counting {MissingCount(data.Fills)} treated as [Breaching]";
            return data.Result(AlarmState.Alarm, breaching, reason);
        }

        return breaching + data.Unknown < data.M
            ? data.Result(AlarmState.Ok, breaching, $"{NotCrossed(data.Judge, data.NotBreaching)}; {reasonTail}")
            : data.Result(current, breaching, TooEarly(data, current));
    }

    private static AlarmEvaluation FillNotBreaching(Shortfall data, AlarmState current)
    {
        var breaching = data.Breaching.Count;
        var reasonTail = $"{MissingCount(data.Fills)} {Was(data.Fills)} treated as [NonBreaching]";
        if (breaching >= data.M)
        {
            return data.Result(AlarmState.Alarm, breaching, $"{Crossed(data.Judge, data.Breaching, breaching, data.N)}; {reasonTail}");
        }

        if (breaching + data.Unknown >= data.M)
        {
            return data.Result(current, breaching, TooEarly(data, current));
        }

        var reason = data.Present.Count == 0
            ? $"Threshold Crossed: {data.NoData} and {reasonTail}"
            : $"{NotCrossed(data.Judge, data.NotBreaching)}, counting {MissingCount(data.Fills)} treated as [NonBreaching]";
        return data.Result(AlarmState.Ok, breaching, reason);
    }

    /// <summary>
    /// treatMissingData missing: only real datapoints count. Enough breaching ones alarm and any good one means OK. With
    /// only breaching ones, too few to alarm, CloudWatch still alarms when the oldest is at least M periods old (every period
    /// since was breaching or missing), and otherwise reports INSUFFICIENT_DATA.
    /// </summary>
    private static AlarmEvaluation TreatAsMissing(Shortfall data)
    {
        if (data.Decided() is { } decided)
        {
            return decided;
        }

        if (data.Present.Count == 0)
        {
            return data.Result(AlarmState.InsufficientData, 0, $"Insufficient Data: {data.NoData}");
        }

        var oldestAge = data.Window.Count - data.Window.FindIndex(data.Judge.Counts);
        var crossed = Crossed(data.Judge, data.Breaching, data.Breaching.Count, outOf: null);
        return oldestAge >= data.M
            ? data.Result(
                AlarmState.Alarm,
                data.Breaching.Count,
                $"{crossed} and every period since the first of them ({oldestAge} periods, at least {data.M} needed) was breaching or missing")
            : data.Result(
                AlarmState.InsufficientData,
                data.Breaching.Count,
                $"Insufficient Data: {crossed[ThresholdCrossed.Length..]}, but {data.M} are needed and {data.Missing} of the last {data.Window.Count} periods had no data");
    }

    /// <summary>treatMissingData ignore: as missing, except that where missing data would decide, the state is kept.</summary>
    private static AlarmEvaluation KeepUnlessDecided(Shortfall data, AlarmState current)
    {
        if (data.Decided() is { } decided)
        {
            return decided;
        }

        var reason = data.Present.Count == 0
            ? $"{Prefix(current)}{data.NoData} and missing data is ignored"
            : $"{Prefix(current)}{Crossed(data.Judge, data.Breaching, data.Breaching.Count, outOf: null)[ThresholdCrossed.Length..]}, but {data.M} are needed and missing data is ignored";
        return data.Result(current, data.Breaching.Count, reason);
    }

    private static string TooEarly(Shortfall data, AlarmState current) =>
        $"{Prefix(current)}only {data.Window.Count} of {data.N} evaluation periods have passed since evaluation started, too few to decide";

    /// <summary><paramref name="time"/> minus <paramref name="ticks"/>, stopping at the earliest time rather than throwing.</summary>
    private static DateTimeOffset Earlier(DateTimeOffset time, long ticks) =>
        time.UtcTicks - DateTimeOffset.MinValue.UtcTicks < ticks ? DateTimeOffset.MinValue : time.AddTicks(-ticks);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>An evaluation range with fewer than N real datapoints, where missing data has to be treated somehow.</summary>
    private sealed class Shortfall
    {
        public Shortfall(Judge judge, List<Datapoint> window, List<Datapoint> presentNewestFirst)
        {
            Judge = judge;
            Window = window;
            Present = presentNewestFirst;
            var chronological = Enumerable.Reverse(presentNewestFirst).ToList();
            Breaching = chronological.Where(judge.IsBreaching).ToList();
            NotBreaching = chronological.Where(d => !judge.IsBreaching(d)).ToList();
            Missing = window.Count - Present.Count;

            // "CloudWatch uses missing data points only as few times as possible": just enough to make up N.
            Fills = Math.Min(N - Present.Count, Missing);
        }

        public Judge Judge { get; }

        public AlarmSpec Alarm => Judge.Alarm;

        public List<Datapoint> Window { get; }

        public List<Datapoint> Present { get; }

        public List<Datapoint> Breaching { get; }

        public List<Datapoint> NotBreaching { get; }

        public int Missing { get; }

        public int Fills { get; }

        public int N => Alarm.EvaluationPeriods;

        public int M => Alarm.DatapointsToAlarm;

        /// <summary>Why no datapoint counts: none arrived, or those that did came while the band was still learning.</summary>
        public string NoData => Judge.Learning is { } learned
            ? $"band still learning ({learned} of {AnomalyBand.MinimumDatapoints} datapoints)"
            : $"no datapoints were received for {Window.Count} periods";

        /// <summary>Periods of the N that have not happened yet, when the range was cut short by a recent start.</summary>
        public int Unknown => N - Present.Count - Fills;

        /// <summary>What the real datapoints decide on their own, whatever missing data is: ALARM with M breaching, OK with a good one.</summary>
        public AlarmEvaluation? Decided()
        {
            var tail = Missing == 0 ? string.Empty : $"; {MissingCount(Missing)} {Was(Missing)} not evaluated";
            if (Breaching.Count >= M)
            {
                return Result(AlarmState.Alarm, Breaching.Count, $"{AlarmEvaluator.Crossed(Judge, Breaching, Breaching.Count, Present.Count)}{tail}");
            }

            return NotBreaching.Count > 0
                ? Result(AlarmState.Ok, Breaching.Count, $"{NotCrossed(Judge, NotBreaching)}{tail}")
                : null;
        }

        public AlarmEvaluation Result(AlarmState state, int breaching, string reason) => new(state, breaching, Present.Count, Window, reason);
    }
}
