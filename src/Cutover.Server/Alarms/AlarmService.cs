using Cutover.Core.Alarms;
using Cutover.Core.Releases;
using Cutover.Local.Alarms;
using Cutover.Server.Platform;
using Cutover.Server.Releases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Alarms;

/// <summary>
/// Evaluates the manifest's alarms locally with CloudWatch's semantics: once a period ends, each alarm's value for
/// that period is read from Prometheus for every version that runs (the serving one and a release's new one, so a
/// canary is judged on its own traffic) and fed to the <see cref="AlarmMonitor"/>. Every state change is audited.
/// The release engine reads the states; it never queries Prometheus itself.
/// </summary>
public sealed partial class AlarmService(
    AlarmMonitor monitor,
    LocalPlatform platform,
    ReleaseCoordinator coordinator,
    TimeProvider time,
    ILogger<AlarmService> logger) : BackgroundService
{
    /// <summary>How long after a period ends its last scrape is surely in Prometheus (scrape interval 1 s).</summary>
    private static readonly TimeSpan ScrapeLag = TimeSpan.FromMilliseconds(600);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a read may take, and never more than half the alarm's period: a hung Prometheus must read as missing data at once, not freeze alarms at their last OK (issue 10).</summary>
    internal static readonly TimeSpan MaxReadDeadline = TimeSpan.FromSeconds(2);

    private readonly Dictionary<(string Alarm, string Scope), DateTimeOffset> _lastPeriod = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(false);
                await EvaluateAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round (Prometheus restarting, say) must not end alarm evaluation.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogEvaluationFailed(logger, ex);
            }
        }
    }

    /// <summary>One round: new periods read and observed, then every pair re-evaluated so gaps count as missing.</summary>
    internal async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        var scopes = await ScopesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var gone in monitor.Scopes.Except(scopes).ToList())
        {
            monitor.Untrack(gone);
        }

        var now = time.GetUtcNow();
        var reads = new List<Task<(AlarmSpec Alarm, string Scope, DateTimeOffset End, AlarmRead Read)>>();
        foreach (var scope in scopes)
        {
            monitor.Track(scope);
            foreach (var alarm in monitor.Alarms)
            {
                var end = PeriodEnd(now - ScrapeLag, alarm.Period);
                if (_lastPeriod.TryGetValue((alarm.Name, scope), out var last) && last >= end)
                {
                    continue;
                }

                _lastPeriod[(alarm.Name, scope)] = end;
                reads.Add(ReadAsync(alarm, scope, end, cancellationToken));
            }
        }

        var transitions = new List<AlarmTransition>();
        foreach (var (alarm, scope, end, read) in await Task.WhenAll(reads).ConfigureAwait(false))
        {
            if (!read.Answered)
            {
                LogReadUnanswered(logger, alarm.Name, scope, read.Failure);
            }

            transitions.AddRange(monitor.Observe(alarm.Name, scope, new Datapoint(end, read.Value), read.Answered));
        }

        transitions.AddRange(monitor.Evaluate());
        foreach (var transition in transitions)
        {
            await AuditAsync(transition, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One read with a deadline well inside the period; a read that misses it, or fails, is an unanswered read.</summary>
    private async Task<(AlarmSpec, string, DateTimeOffset, AlarmRead)> ReadAsync(AlarmSpec alarm, string scope, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var deadline = ReadDeadline(alarm.Period);
        using var timeout = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return (alarm, scope, end, await platform.Datapoints.ReadAsync(alarm, scope, platform.InstanceIdsOf(scope), end, linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (alarm, scope, end, AlarmRead.Unanswered($"the metrics store did not answer within {deadline.TotalSeconds:0.##}s"));
        }
#pragma warning disable CA1031 // Any failure of one read is missing data for that alarm, never the end of the round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (alarm, scope, end, AlarmRead.Unanswered(ex.Message));
        }
    }

    internal static TimeSpan ReadDeadline(TimeSpan period) => period / 2 < MaxReadDeadline ? period / 2 : MaxReadDeadline;

    /// <summary>The serving version, and the new version while a release runs.</summary>
    private async Task<List<string>> ScopesAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<string>();
        if (await platform.Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false) is { } deployment)
        {
            scopes.Add(deployment.Version);
        }

        if (coordinator.Active is { } release && !scopes.Contains(release.Version))
        {
            scopes.Add(release.Version);
        }

        return scopes;
    }

    /// <summary>Periods are aligned to the epoch, as CloudWatch's are, so every scope's periods line up.</summary>
    private static DateTimeOffset PeriodEnd(DateTimeOffset at, TimeSpan period) =>
        new(at.UtcTicks - (at.UtcTicks % period.Ticks), TimeSpan.Zero);

    private async Task AuditAsync(AlarmTransition transition, CancellationToken cancellationToken)
    {
        var release = coordinator.Active;
        var releaseId = release is not null && (release.Version == transition.Scope || release.PreviousVersion == transition.Scope) ? release.Id : "platform";
        var detail = $"{transition.Alarm} for {transition.Scope}: {Describe(transition.From)} → {Describe(transition.To)}. {transition.Reason}";
        await platform.Store.AppendAuditAsync(new AuditEntry(0, releaseId, transition.At, $"alarm:{transition.Alarm}", "alarm.state", detail), cancellationToken).ConfigureAwait(false);
        LogTransition(logger, transition.Alarm, transition.Scope, transition.From, transition.To, transition.Reason);
    }

    private static string Describe(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Alarm {Alarm} for {Scope}: {From} -> {To}. {Reason}")]
    private static partial void LogTransition(ILogger logger, string alarm, string scope, AlarmState from, AlarmState to, string reason);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Alarm {Alarm} for {Scope}: no answer from the metrics store ({Failure}); the period counts as missing data")]
    private static partial void LogReadUnanswered(ILogger logger, string alarm, string scope, string? failure);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Alarm evaluation round failed; the next round tries again")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception);
}
