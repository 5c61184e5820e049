using Cutover.Core.Guard;

namespace Cutover.Core.Releases;

/// <summary>
/// The fail-fast guard: from the first shift to the end of the bake, the load balancer's counters are read every
/// <c>release.guard.interval</c>, and each interval's requests and errors of the new and the old instances are fed to
/// the <see cref="ErrorShareTest"/>. When it judges the canary worse, the release goes back at once. It never promotes.
/// </summary>
public sealed partial class ReleaseEngine
{
    private const string GuardActor = "rule:guard";

    private Task? _guardLoop;

    /// <summary>Starts the guard once, at the first shift; a no-op when it is off, has no counters, or there is no old version.</summary>
    private void StartGuard(CancellationToken cancellationToken)
    {
        if (_guardLoop is not null || !_settings.Release.Guard.Enabled || _requestCounts is null || Current.PreviousVersion is null || Current.Kind == ReleaseKind.Rollback)
        {
            return;
        }

        _guardLoop = Task.Run(() => RunGuardAsync(_settings.Release.Guard, _requestCounts, cancellationToken), CancellationToken.None);
    }

    private async Task RunGuardAsync(FailFastGuardSpec spec, IRequestCountsSource source, CancellationToken cancellationToken)
    {
        var test = new ErrorShareTest(spec);
        IReadOnlyDictionary<string, ErrorCounts>? previous = null;
        var announced = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested && WatchesAlarms && _abort is null)
            {
                IReadOnlyDictionary<string, ErrorCounts> counts;
                try
                {
                    counts = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed read loses one interval of evidence, never the bound: the next difference covers it.
                    await Task.Delay(spec.Interval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (previous is not null && WatchesAlarms)
                {
                    var release = Current;
                    var observation = test.Observe(Sum(release.NewInstances, counts, previous), Sum(release.OldInstances, counts, previous));
                    if (observation.Verdict == GuardVerdict.CanaryWorse)
                    {
                        await AuditAsync(GuardActor, "guard.canary-worse", observation.Describe(), cancellationToken).ConfigureAwait(false);
                        RequestAbort(GuardActor, $"the fail-fast guard judged {release.Version} worse than {release.PreviousVersion}: {observation.Describe()}");
                        return;
                    }

                    if (!announced && observation.Verdict == GuardVerdict.Watching)
                    {
                        announced = true;
                        await AuditAsync(GuardActor, "guard.watching", $"first errors to compare: {observation.Describe()}", cancellationToken).ConfigureAwait(false);
                    }
                }

                previous = counts;
                await Task.Delay(spec.Interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is going away; the saved release state is the intent.
        }
    }

    /// <summary>
    /// The instances' counts in the interval between two reads. An instance missing from the earlier read adds nothing
    /// this time: its counter may hold a slot's earlier traffic.
    /// </summary>
    private static ErrorCounts Sum(IEnumerable<Instances.InstanceEndpoint> instances, IReadOnlyDictionary<string, ErrorCounts> now, IReadOnlyDictionary<string, ErrorCounts> before)
    {
        var total = default(ErrorCounts);
        foreach (var instance in instances)
        {
            if (now.TryGetValue(instance.Id, out var current) && before.TryGetValue(instance.Id, out var earlier))
            {
                // A counter that went down was reset (the load balancer restarted): this interval is skipped for it.
                if (current.Requests >= earlier.Requests && current.Errors >= earlier.Errors)
                {
                    total += new ErrorCounts(current.Requests - earlier.Requests, current.Errors - earlier.Errors);
                }
            }
        }

        return total;
    }
}
