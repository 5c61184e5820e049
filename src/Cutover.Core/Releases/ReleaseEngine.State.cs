using Cutover.Core.Alarms;

namespace Cutover.Core.Releases;

/// <summary>Saving state, the audit trail, and waits that operators can pause, promote or abort.</summary>
public sealed partial class ReleaseEngine
{
    /// <summary>How often a hold looks at the new version's alarms: detection to rollback is bounded by this plus the alarm's own period.</summary>
    private static readonly TimeSpan AlarmPollInterval = TimeSpan.FromMilliseconds(250);

    private enum HoldOutcome
    {
        Elapsed,
        Promoted,
        Aborted,
    }

    /// <summary>
    /// Holds for <paramref name="duration"/> of unpaused time (infinite: until promoted or aborted).
    /// Time spent paused does not count, so a paused step resumes with the pause it had left.
    /// While the new version carries production traffic, its rollback alarms are checked every
    /// <see cref="AlarmPollInterval"/>: one in ALARM aborts the hold, paused or not.
    /// </summary>
    private async Task<HoldOutcome> HoldAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var remaining = duration;
        while (true)
        {
            var signal = Volatile.Read(ref _signal).Task;
            if (_abort is not null || CheckAlarms())
            {
                return HoldOutcome.Aborted;
            }

            if (_promoteRequested)
            {
                _promoteRequested = false;
                return HoldOutcome.Promoted;
            }

            var waitingForCommand = Current.Paused || remaining == Timeout.InfiniteTimeSpan;
            if (!waitingForCommand && remaining <= TimeSpan.Zero)
            {
                return HoldOutcome.Elapsed;
            }

            // Watching alarms: wake up at least every poll interval. Otherwise sleep until the hold ends or a command comes.
            var slice = waitingForCommand ? Timeout.InfiniteTimeSpan : remaining;
            if (WatchesAlarms)
            {
                slice = waitingForCommand ? AlarmPollInterval : Min(remaining, AlarmPollInterval);
            }

            var started = _time.GetTimestamp();
            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(slice, _time, stopDelay.Token);
            await Task.WhenAny(delay, signal).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!waitingForCommand)
            {
                remaining -= Min(_time.GetElapsedTime(started), remaining);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>True once the new version has production traffic: from the first shift until the release ends.</summary>
    private bool WatchesAlarms => Current.Phase is ReleasePhase.Shifting or ReleasePhase.Baking;

    /// <summary>A rollback alarm of the new version in ALARM turns into an abort by that alarm, with its values.</summary>
    private bool CheckAlarms()
    {
        if (!WatchesAlarms)
        {
            return false;
        }

        var release = Current;
        var firing = _alarms.StatusesFor(release.Version).FirstOrDefault(s => s.Alarm.Rollback && s.State == AlarmState.Alarm);
        if (firing is null)
        {
            return false;
        }

        RequestAbort($"alarm:{firing.Alarm.Name}", $"alarm {firing.Alarm.Name} is in ALARM for {release.Version}: {firing.Reason}");
        return true;
    }

    /// <summary>
    /// Records why the release must go back, once: the first request wins, whoever writes it (operator, alarm, health
    /// watch, analysis), and the engine loop is woken to carry it out.
    /// </summary>
    private void RequestAbort(string actor, string reason)
    {
        if (Interlocked.CompareExchange(ref _abort, new AbortRequest(actor, reason), null) is null)
        {
            Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();
        }
    }

    private async Task TransitionAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken)
    {
        await _stateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = change(_state);
            if (next.Phase != _state.Phase)
            {
                next = next with { PhaseEnteredAt = _time.GetUtcNow() };
            }

            await SaveLockedAsync(next, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _stateGate.Release();
        }
    }

    /// <summary>Saves first, then publishes: nobody sees a state that is not durable.</summary>
    private async Task SaveLockedAsync(ReleaseState next, CancellationToken cancellationToken)
    {
        await _store.SaveReleaseAsync(next, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _state, next);
        StateChanged?.Invoke(next);
    }

    private Task<AuditEntry> AuditAsync(string actor, string name, string detail, CancellationToken cancellationToken) =>
        _store.AppendAuditAsync(Entry(actor, name, detail), cancellationToken);

    private AuditEntry Entry(string actor, string name, string detail) =>
        new(0, _state.Id, _time.GetUtcNow(), actor, name, detail);
}
