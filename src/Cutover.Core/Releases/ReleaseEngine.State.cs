using Cutover.Core.Alarms;
using Cutover.Core.Storage;

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

    /// <summary>How often a transition that found the disk full tries to save again.</summary>
    private static readonly TimeSpan StorageRetryInterval = TimeSpan.FromSeconds(1);

    private Task TransitionAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken) =>
        TransitionAsync(change, rollingBack: false, cancellationToken);

    /// <summary>
    /// Saves the next state, then publishes it. When the disk is full, a step forward is not taken: the release
    /// holds, retrying, and gives the step up for a rollback once an abort comes (operator, alarm, health) while
    /// traffic is on the new version. A rollback goes on unsaved, because it only puts traffic back on the version
    /// the deployment record names; its end is held until it is saved.
    /// </summary>
    private async Task TransitionAsync(Func<ReleaseState, ReleaseState> change, bool rollingBack, CancellationToken cancellationToken)
    {
        while (true)
        {
            DiskFullException? full;
            await _stateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var next = change(_state) with { Unsaved = null };
                if (next.Phase != _state.Phase)
                {
                    next = next with { PhaseEnteredAt = _time.GetUtcNow() };
                }

                full = await TrySaveLockedAsync(next, cancellationToken).ConfigureAwait(false);
                if (full is not null && rollingBack && !next.IsTerminal)
                {
                    Publish(next with { Unsaved = $"{full.Message}: rolling back without saving; saved once there is space" });
                    return;
                }

                if (full is not null)
                {
                    Publish(_state with
                    {
                        Unsaved = rollingBack
                            ? $"{full.Message}: traffic is back on {_state.PreviousVersion ?? "the old version"}; the end of the rollback is saved once there is space"
                            : $"{full.Message}: holding at {Describe(_state)}; the next transition is taken once it can be saved",
                    });
                }
            }
            finally
            {
                _stateGate.Release();
            }

            if (full is null)
            {
                return;
            }

            if (!rollingBack && _state.Phase is ReleasePhase.Shifting or ReleasePhase.Baking or ReleasePhase.AwaitingApproval)
            {
                CheckAlarms();
                if (_abort is not null)
                {
                    throw new OperationCanceledException($"an unsaved transition was given up for the abort: {_abort.Reason}");
                }
            }

            await Task.Delay(StorageRetryInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Saves and publishes; a full disk is returned, not thrown, and nothing is published.</summary>
    private async Task<DiskFullException?> TrySaveLockedAsync(ReleaseState next, CancellationToken cancellationToken)
    {
        var wasUnsaved = _state.Unsaved;
        try
        {
            await _store.SaveReleaseAsync(next, cancellationToken).ConfigureAwait(false);
        }
        catch (DiskFullException full)
        {
            if (wasUnsaved is null)
            {
                await AuditAsync(EngineActor, "storage.full", $"{full.Message}: the state at {Describe(_state)} could not be saved", cancellationToken).ConfigureAwait(false);
            }

            return full;
        }

        Publish(next);
        if (wasUnsaved is not null)
        {
            await AuditAsync(EngineActor, "storage.recovered", $"saved again at {Describe(next)}; it had been: {wasUnsaved}", cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Saves first, then publishes: nobody sees a state that is not durable.</summary>
    private async Task SaveLockedAsync(ReleaseState next, CancellationToken cancellationToken)
    {
        await _store.SaveReleaseAsync(next, cancellationToken).ConfigureAwait(false);
        Publish(next);
    }

    private void Publish(ReleaseState state)
    {
        Volatile.Write(ref _state, state);
        StateChanged?.Invoke(state);
    }

    /// <summary>Retries a write other than the release state (the deployment record) until the disk has room for it.</summary>
    private async Task WriteWhenStoredAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await write().ConfigureAwait(false);
                return;
            }
            catch (DiskFullException full)
            {
                await _stateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    Publish(_state with { Unsaved = $"{full.Message}: holding at {Describe(_state)} until the deployment record is saved" });
                }
                finally
                {
                    _stateGate.Release();
                }
            }

            await Task.Delay(StorageRetryInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Appends to the audit trail. Entries that found the disk full wait in memory, in order, and go in before the
    /// next entry once there is space: the trail loses nothing and stays in order.
    /// </summary>
    private async Task AuditAsync(string actor, string name, string detail, CancellationToken cancellationToken)
    {
        var entry = Entry(actor, name, detail);
        await _auditGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _unsavedAudit.Enqueue(entry);
            while (_unsavedAudit.TryPeek(out var next))
            {
                await _store.AppendAuditAsync(next, cancellationToken).ConfigureAwait(false);
                _unsavedAudit.Dequeue();
            }
        }
        catch (DiskFullException)
        {
            // Kept in the queue; the release's status says the disk is full.
        }
        finally
        {
            _auditGate.Release();
        }
    }

    private AuditEntry Entry(string actor, string name, string detail) =>
        new(0, _state.Id, _time.GetUtcNow(), actor, name, detail);
}
