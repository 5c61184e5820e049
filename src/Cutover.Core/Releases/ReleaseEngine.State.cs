namespace Cutover.Core.Releases;

/// <summary>Saving state, the audit trail, and waits that operators can pause, promote or abort.</summary>
public sealed partial class ReleaseEngine
{
    private enum HoldOutcome
    {
        Elapsed,
        Promoted,
        Aborted,
    }

    /// <summary>
    /// Holds for <paramref name="duration"/> of unpaused time (infinite: until promoted or aborted).
    /// Time spent paused does not count, so a paused step resumes with the pause it had left.
    /// </summary>
    private async Task<HoldOutcome> HoldAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var remaining = duration;
        while (true)
        {
            var signal = Volatile.Read(ref _signal).Task;
            if (_abort is not null)
            {
                return HoldOutcome.Aborted;
            }

            if (_promoteRequested)
            {
                _promoteRequested = false;
                return HoldOutcome.Promoted;
            }

            if (Current.Paused || remaining == Timeout.InfiniteTimeSpan)
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (remaining <= TimeSpan.Zero)
            {
                return HoldOutcome.Elapsed;
            }

            var started = _time.GetTimestamp();
            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(remaining, _time, stopDelay.Token);
            var first = await Task.WhenAny(delay, signal).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            remaining = first == delay ? TimeSpan.Zero : remaining - _time.GetElapsedTime(started);
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
