namespace Cutover.Core.Alarms;

/// <summary>
/// Tracks the state of every (alarm, scope) pair, where a scope is what an alarm judges, such as a version name, so a
/// canary is judged on its own traffic. Every pair starts in INSUFFICIENT_DATA; each datapoint and each
/// <see cref="Evaluate"/> re-evaluates with <see cref="AlarmEvaluator"/> and records a transition when the state
/// changes. Thread-safe. Odd data (NaN, infinities, duplicates, out of order, far in the future) never throws.
/// </summary>
public sealed class AlarmMonitor : IAlarmStatusSource
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly List<AlarmSpec> _alarms;
    private readonly Dictionary<string, AlarmSpec> _alarmsByName = new(StringComparer.Ordinal);
    private readonly List<string> _scopes = [];
    private readonly Dictionary<(string Alarm, string Scope), Pair> _pairs = [];
    private readonly List<AlarmTransition> _transitions = [];

    /// <param name="alarms">The alarms to evaluate, usually <c>ServiceManifest.Alarms.Effective</c>; names must be unique.</param>
    /// <param name="timeProvider">The clock that stamps transitions and says which periods have ended.</param>
    /// <exception cref="ArgumentException">Two alarms share a name, or an alarm's period or M-of-N is invalid.</exception>
    public AlarmMonitor(IEnumerable<AlarmSpec> alarms, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _alarms = [.. alarms];
        foreach (var alarm in _alarms)
        {
            ArgumentNullException.ThrowIfNull(alarm, nameof(alarms));
            AlarmEvaluator.Validate(alarm);
            if (!_alarmsByName.TryAdd(alarm.Name, alarm))
            {
                throw new ArgumentException($"two alarms are named {alarm.Name}", nameof(alarms));
            }
        }
    }

    /// <summary>The alarms evaluated for every scope, in the order given.</summary>
    public IReadOnlyList<AlarmSpec> Alarms => _alarms;

    /// <summary>The scopes being tracked, in the order they started.</summary>
    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (_gate)
            {
                return [.. _scopes];
            }
        }
    }

    /// <summary>Every pair's current state, by scope then alarm.</summary>
    public IReadOnlyList<AlarmStatus> States
    {
        get
        {
            lock (_gate)
            {
                return [.. AllPairs().Select(p => p.Status)];
            }
        }
    }

    /// <summary>Every state change so far, oldest first; untracking a scope keeps its history.</summary>
    public IReadOnlyList<AlarmTransition> Transitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _transitions];
            }
        }
    }

    /// <summary>
    /// Starts judging <paramref name="scope"/>: every alarm in INSUFFICIENT_DATA, and periods before now outside its
    /// evaluation range, so a new version is not judged on time before it existed. Tracking a tracked scope does nothing.
    /// </summary>
    public void Track(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            TrackUnlocked(scope, _timeProvider.GetUtcNow());
        }
    }

    /// <summary>Stops judging <paramref name="scope"/>, such as a version that was drained; its transitions stay in the history.</summary>
    public void Untrack(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            if (_scopes.Remove(scope))
            {
                foreach (var alarm in _alarms)
                {
                    _pairs.Remove((alarm.Name, scope));
                }
            }
        }
    }

    /// <summary>
    /// Records one period's value of <paramref name="alarm"/> for <paramref name="scope"/> (tracking the scope if it is new)
    /// and re-evaluates that pair. A NaN or infinite value counts as missing; a second value for the same period replaces
    /// the first; a datapoint more than one period in the future, or for an alarm the monitor does not know, is ignored.
    /// </summary>
    /// <param name="alarm">The alarm's name.</param>
    /// <param name="scope">The scope, such as a version name.</param>
    /// <param name="datapoint">The period's value; null for a period without data.</param>
    /// <param name="answered">
    /// False when the metrics store did not answer (failed or missed the read's deadline): the period counts as
    /// missing, but <see cref="AlarmStatus.EvidenceAt"/> stays where it was.
    /// </param>
    /// <returns>The transition this caused, if any.</returns>
    public IReadOnlyList<AlarmTransition> Observe(string alarm, string scope, Datapoint datapoint, bool answered = true)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(datapoint);
        lock (_gate)
        {
            if (!_alarmsByName.TryGetValue(alarm, out var spec))
            {
                return [];
            }

            var now = _timeProvider.GetUtcNow();
            TrackUnlocked(scope, now);
            var pair = _pairs[(alarm, scope)];

            // A point from the future would become the grid's anchor and push every real point out of the range;
            // one older than the range, and than an anomaly band's training periods before it, can change nothing.
            if (datapoint.PeriodEnd - now > spec.Period || now - datapoint.PeriodEnd > spec.Period * AlarmEvaluator.HistoryPeriods(spec))
            {
                return [];
            }

            pair.Add(answered ? datapoint : datapoint with { Value = null });
            if (answered && (pair.EvidenceAt is null || datapoint.PeriodEnd > pair.EvidenceAt))
            {
                pair.EvidenceAt = datapoint.PeriodEnd;
            }

            return EvaluatePair(pair, now) is { } transition ? [transition] : [];
        }
    }

    /// <summary>
    /// Re-evaluates every pair as of now, so periods that ended without data count as missing. Call it once a period
    /// (or more often): without it, an alarm whose data stopped would keep its last state.
    /// </summary>
    /// <returns>The transitions this caused, by scope then alarm.</returns>
    public IReadOnlyList<AlarmTransition> Evaluate()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var transitions = new List<AlarmTransition>();
            foreach (var pair in AllPairs())
            {
                if (EvaluatePair(pair, now) is { } transition)
                {
                    transitions.Add(transition);
                }
            }

            return transitions;
        }
    }

    /// <summary>The state of one pair; INSUFFICIENT_DATA for a scope or alarm that is not tracked.</summary>
    public AlarmState GetState(string alarm, string scope)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            return _pairs.TryGetValue((alarm, scope), out var pair) ? pair.State : AlarmState.InsufficientData;
        }
    }

    /// <summary>The alarms in ALARM for <paramref name="scope"/>; a release rolls back when one of them has <see cref="AlarmSpec.Rollback"/>.</summary>
    public IReadOnlyList<AlarmStatus> Firing(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            return [.. AllPairs().Where(p => p.Scope == scope && p.State == AlarmState.Alarm).Select(p => p.Status)];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AlarmStatus> StatusesFor(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            return [.. AllPairs().Where(p => p.Scope == scope).Select(p => p.Status)];
        }
    }

    private void TrackUnlocked(string scope, DateTimeOffset now)
    {
        if (_scopes.Contains(scope))
        {
            return;
        }

        _scopes.Add(scope);
        foreach (var alarm in _alarms)
        {
            _pairs[(alarm.Name, scope)] = new Pair(alarm, scope, now);
        }
    }

    private IEnumerable<Pair> AllPairs() => _scopes.SelectMany(scope => _alarms.Select(alarm => _pairs[(alarm.Name, scope)]));

    private AlarmTransition? EvaluatePair(Pair pair, DateTimeOffset now)
    {
        var evaluation = AlarmEvaluator.Evaluate(pair.Alarm, pair.Datapoints, pair.State, now, pair.TrackedAt);
        pair.Trim(evaluation.Window);
        pair.Reason = evaluation.Reason;
        pair.Band = evaluation.Band;
        if (evaluation.State == pair.State)
        {
            return null;
        }

        var transition = new AlarmTransition(pair.Alarm.Name, pair.Scope, pair.State, evaluation.State, now, evaluation.Reason, evaluation.Window);
        pair.State = evaluation.State;
        pair.Since = now;
        _transitions.Add(transition);
        return transition;
    }

    /// <summary>One alarm judging one scope: its state and the datapoints its evaluation range (and anomaly band) still needs.</summary>
    private sealed class Pair(AlarmSpec alarm, string scope, DateTimeOffset trackedAt)
    {
        private readonly SortedDictionary<DateTimeOffset, double?> _values = [];

        public AlarmSpec Alarm { get; } = alarm;

        public string Scope { get; } = scope;

        /// <summary>When the scope's first period began: when it was tracked, or earlier if data arrived for an earlier period.</summary>
        public DateTimeOffset TrackedAt { get; private set; } = trackedAt;

        public AlarmState State { get; set; } = AlarmState.InsufficientData;

        public DateTimeOffset Since { get; set; } = trackedAt;

        public string Reason { get; set; } = "Insufficient Data: the alarm has just started";

        /// <summary>The anomaly band of the latest judged datapoint; null without a band or while it learns.</summary>
        public LearnedBand? Band { get; set; }

        /// <summary>The end of the latest period the metrics store answered for.</summary>
        public DateTimeOffset? EvidenceAt { get; set; }

        public List<Datapoint> Datapoints => [.. _values.Select(v => new Datapoint(v.Key, v.Value))];

        public AlarmStatus Status => new(Alarm, Scope, State, Since, Reason) { BandLower = Band?.Lower, BandUpper = Band?.Upper, EvidenceAt = EvidenceAt };

        public void Add(Datapoint datapoint)
        {
            var value = datapoint.Value is { } v && double.IsFinite(v) ? v : (double?)null;

            var periodStart = datapoint.PeriodEnd - Alarm.Period;
            if (periodStart < TrackedAt)
            {
                TrackedAt = periodStart;
            }

            // A late "no data" for a period must not erase the value already known for it.
            if (value is not null || !_values.ContainsKey(datapoint.PeriodEnd))
            {
                _values[datapoint.PeriodEnd] = value;
            }
        }

        /// <summary>
        /// Drops datapoints older than the evaluation range, which can only move forward, except the real ones an anomaly
        /// band still learns from: the last <see cref="AnomalyBand.TrainingPeriods"/> before the range, however old, since
        /// missing periods do not count towards them.
        /// </summary>
        public void Trim(IReadOnlyList<Datapoint> window)
        {
            if (window.Count == 0)
            {
                return;
            }

            var rangeStart = window[0].PeriodEnd - Alarm.Period;
            var old = _values.TakeWhile(v => v.Key <= rangeStart).ToList();
            var training = Alarm.AnomalyBand?.TrainingPeriods ?? 0;
            var kept = old.Where(v => v.Value is not null).TakeLast(training).Select(v => v.Key).ToHashSet();
            foreach (var (periodEnd, _) in old.Where(v => !kept.Contains(v.Key)))
            {
                _values.Remove(periodEnd);
            }
        }
    }
}
