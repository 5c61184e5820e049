using Cutover.Core.Alarms;
using Cutover.Core.Manifest;

namespace Cutover.Core.Releases;

/// <summary>
/// Never promote blind (issue 10): a step advances, and a release commits, only on fresh evidence. Every rollback
/// alarm of the new version must have been evaluated on an answer of the metrics store younger than its period (plus
/// <see cref="ReleaseSettings.EvidenceGrace"/>) for a period that ended after the current weights were set, and every
/// new instance must be healthy at that moment. Without it the
/// release holds, and rolls back as inconclusive after <c>release.alarmDataTimeout</c>. Beside that, a health watch
/// probes the new instances while they carry traffic and rolls back through the health rule when one is dead,
/// frozen or failing its checks, without waiting for an alarm.
/// </summary>
public sealed partial class ReleaseEngine
{
    private const string NoDataActor = "rule:alarm-data";
    private const string HealthActor = "rule:health";

    private static readonly TimeSpan EvidencePollInterval = TimeSpan.FromMilliseconds(250);

    private Task? _healthWatch;

    /// <summary>When the current weights were set: a step is judged on data of its own traffic, not on what came before.</summary>
    private DateTimeOffset _judgedSince = DateTimeOffset.MinValue;

    /// <summary>Marks the moment the traffic being judged started: each shift, and the start of the bake.</summary>
    private void StartJudging() => _judgedSince = _time.GetUtcNow();

    /// <summary>What keeps the release from moving on; empty lists mean it may.</summary>
    private sealed record EvidenceGaps(IReadOnlyList<string> NoData, IReadOnlyList<string> Stale, IReadOnlyList<string> Unhealthy)
    {
        public bool None => NoData.Count == 0 && Stale.Count == 0 && Unhealthy.Count == 0;

        public bool OnlyNoData => Stale.Count == 0 && Unhealthy.Count == 0 && NoData.Count > 0;

        public string Describe(string version)
        {
            var parts = new List<string>();
            if (Stale.Count > 0)
            {
                parts.Add($"{string.Join(", ", Stale)} not evaluated on fresh data (the metrics store did not answer)");
            }

            if (NoData.Count > 0)
            {
                parts.Add($"{string.Join(", ", NoData)} had no data for {version}");
            }

            if (Unhealthy.Count > 0)
            {
                parts.Add($"unhealthy: {string.Join("; ", Unhealthy)}");
            }

            return string.Join("; ", parts);
        }
    }

    /// <summary>
    /// Holds until the evidence is fresh and complete. Missing data only (the store answers, the alarm has no data)
    /// follows <c>release.insufficientAlarmData</c>; a store that does not answer, or an unhealthy instance, always holds.
    /// Returns <see cref="HoldOutcome.Promoted"/> when a promote came during the wait, so the caller still skips steps.
    /// </summary>
    private async Task<HoldOutcome> AwaitEvidenceAsync(CancellationToken cancellationToken)
    {
        var timeout = _settings.Release.AlarmDataTimeout;
        var started = _time.GetTimestamp();
        var promoted = false;
        string? announced = null;
        while (true)
        {
            var release = Current;
            var gaps = await FindEvidenceGapsAsync(release, cancellationToken).ConfigureAwait(false);
            if (gaps.None)
            {
                if (announced is not null)
                {
                    await AuditAsync(NoDataActor, "evidence.fresh", $"every rollback alarm of {release.Version} judged on fresh data and every instance healthy at {Describe(release)}", cancellationToken).ConfigureAwait(false);
                }

                return promoted ? HoldOutcome.Promoted : HoldOutcome.Elapsed;
            }

            if (gaps.OnlyNoData && _settings.Release.InsufficientAlarmData == InsufficientDataPolicy.Proceed)
            {
                await AuditAsync(NoDataActor, "alarm.insufficient-data", $"{string.Join(", ", gaps.NoData)} had no data for {release.Version} at {Describe(release)}; proceeding (release.insufficientAlarmData: proceed)", cancellationToken).ConfigureAwait(false);
                return promoted ? HoldOutcome.Promoted : HoldOutcome.Elapsed;
            }

            var what = gaps.Describe(release.Version);
            if (_time.GetElapsedTime(started) >= timeout)
            {
                RequestAbort(NoDataActor, $"inconclusive: {what} for {timeout.TotalSeconds:0.#}s at {Describe(release)}; a release that cannot be judged is not promoted");
                return HoldOutcome.Aborted;
            }

            if (announced != what)
            {
                announced = what;
                var name = gaps.OnlyNoData ? "alarm.insufficient-data" : "evidence.missing";
                var detail = gaps.OnlyNoData
                    ? $"{string.Join(", ", gaps.NoData)} have no data for {release.Version} at {Describe(release)}; holding up to {timeout.TotalSeconds:0.#}s for data"
                    : $"{what} at {Describe(release)}; holding up to {timeout.TotalSeconds:0.#}s, then rolling back";
                await AuditAsync(NoDataActor, name, detail, cancellationToken).ConfigureAwait(false);
            }

            var outcome = await HoldAsync(EvidencePollInterval, cancellationToken).ConfigureAwait(false);
            if (outcome == HoldOutcome.Aborted)
            {
                return outcome;
            }

            promoted |= outcome == HoldOutcome.Promoted;
        }
    }

    private async Task<EvidenceGaps> FindEvidenceGapsAsync(ReleaseState release, CancellationToken cancellationToken)
    {
        var unhealthy = await FindUnhealthyAsync(release, cancellationToken).ConfigureAwait(false);
        if (release.Kind == ReleaseKind.Rollback)
        {
            // An operator's rollback to the version that served before must not wait for a metrics store that is down.
            return new EvidenceGaps([], [], unhealthy);
        }

        var now = _time.GetUtcNow();
        var statuses = _alarms.StatusesFor(release.Version).Where(s => s.Alarm.Rollback).ToList();
        var stale = statuses
            .Where(s => s.EvidenceAt is not { } at || now - at > s.Alarm.Period + _settings.EvidenceGrace || at <= _judgedSince)
            .Select(s => s.Alarm.Name)
            .Concat(_settings.RollbackAlarms.Where(name => !statuses.Any(s => s.Alarm.Name == name)))
            .ToList();
        var noData = statuses
            .Where(s => s.State == AlarmState.InsufficientData && !stale.Contains(s.Alarm.Name))
            .Select(s => s.Alarm.Name)
            .ToList();
        return new EvidenceGaps(noData, stale, unhealthy);
    }

    /// <summary>Each new instance probed now, and seen up by the load balancer's own checks.</summary>
    private async Task<IReadOnlyList<string>> FindUnhealthyAsync(ReleaseState release, CancellationToken cancellationToken)
    {
        var probes = await Task.WhenAll(release.NewInstances.Select(async i => (Instance: i, Result: await _runtime.ProbeAsync(i, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var routed = await _router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var unhealthy = new List<string>();
        foreach (var (instance, result) in probes)
        {
            if (!result.Healthy)
            {
                unhealthy.Add($"{instance.Id}: {result.Detail}");
            }
            else if (routed.FirstOrDefault(r => r.InstanceId == instance.Id) is { Healthy: false } down)
            {
                unhealthy.Add($"{instance.Id}: the load balancer sees it {down.Status}");
            }
        }

        return unhealthy;
    }

    /// <summary>Starts the health watch once, at the first shift.</summary>
    private void StartHealthWatch(CancellationToken cancellationToken)
    {
        if (_healthWatch is null)
        {
            _healthWatch = Task.Run(() => WatchHealthAsync(cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>
    /// Probes every new instance each <c>healthCheck.interval</c> while it carries traffic. A process that exited, or
    /// <c>unhealthyThreshold</c> failed probes in a row (a frozen process times out), rolls the release back.
    /// </summary>
    private async Task WatchHealthAsync(CancellationToken cancellationToken)
    {
        var spec = _settings.HealthCheck;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            while (!cancellationToken.IsCancellationRequested && WatchesAlarms && _abort is null)
            {
                var release = Current;
                var probes = await Task.WhenAll(release.NewInstances.Select(async i => (Instance: i, Result: await _runtime.ProbeAsync(i, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
                if (!WatchesAlarms)
                {
                    return;
                }

                foreach (var (instance, result) in probes)
                {
                    var count = failures[instance.Id] = result.Healthy ? 0 : failures.GetValueOrDefault(instance.Id) + 1;
                    if (result.Fatal || count >= spec.UnhealthyThreshold)
                    {
                        RequestAbort(HealthActor, $"{instance.Id} of {release.Version} is unhealthy: {result.Detail} ({count} failed check(s) in a row, threshold {spec.UnhealthyThreshold})");
                        return;
                    }
                }

                await Task.Delay(spec.Interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is going away; the saved release state is the intent.
        }
    }
}
