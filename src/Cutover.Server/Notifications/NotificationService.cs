using Cutover.Core.Alarms;
using Cutover.Core.Notifications;
using Cutover.Core.Releases;
using Cutover.Local.Alertmanager;
using Cutover.Server.Platform;
using Cutover.Server.Releases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Notifications;

/// <summary>
/// Starts Alertmanager with the manifest's receivers and routes, and keeps it told: every alarm in ALARM is an
/// alert (re-sent while it fires, resolved when it stops), and release events from the audit trail are alerts
/// of kind "release". Alertmanager groups, repeats, inhibits warnings under criticals, and delivers.
/// Runs only when the manifest declares <c>notifications</c>.
/// </summary>
public sealed partial class NotificationService(
    ControlPlaneOptions options,
    AlarmMonitor monitor,
    LocalPlatform platform,
    ReleaseCoordinator coordinator,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<NotificationService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>A firing alert lives this long unless re-sent, so alerts of a dead control plane resolve themselves.</summary>
    private static readonly TimeSpan FiringLease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> ReleaseEvents = new(StringComparer.Ordinal)
    {
        "release.started", "traffic.shifted", "approval.waiting", "rollback.started", "release.rolled-back", "release.succeeded", "release.failed",
    };

    private readonly Dictionary<(string Alarm, string Scope), (DateTimeOffset Since, DateTimeOffset SentAt)> _firing = [];
    private AlertmanagerProcess? _alertmanager;
    private long _lastAuditSequence = -1;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Manifest.Notifications is { } spec)
        {
            var ports = options.Ports;
            await Leftovers.StopByConfigFileAsync(ConfigPath(options), cancellationToken).ConfigureAwait(false);
            _alertmanager = new AlertmanagerProcess(
                RuntimeDirectory(options),
                ports.BindAddress,
                ports.AlertmanagerPort,
                httpClients.CreateClient(nameof(AlertmanagerClient)),
                time);
            var config = AlertmanagerConfigRenderer.Render(spec, FileReceiverUrl, Environment.GetEnvironmentVariable);
            var problem = await _alertmanager.StartAsync(config, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                throw new PlatformStartException($"Alertmanager did not start: {problem}");
            }

            LogStarted(logger, _alertmanager.Client.BaseUri, spec.Receivers.Count);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_alertmanager is not null)
        {
            await _alertmanager.StopAsync(cancellationToken).ConfigureAwait(false);
            await _alertmanager.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static string ConfigPath(ControlPlaneOptions options) => Path.Combine(RuntimeDirectory(options), "alertmanager.yml");

    private static string RuntimeDirectory(ControlPlaneOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), "alertmanager");

    /// <summary>Where Alertmanager posts for a file receiver: the control plane appends it to the file.</summary>
    public Uri FileReceiverUrl(ReceiverSpec receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return new Uri(options.ControlPlaneUri, $"api/v1/notifications/file/{Uri.EscapeDataString(receiver.Name)}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_alertmanager is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(false);
                var alerts = AlarmAlerts().Concat(await ReleaseAlertsAsync(stoppingToken).ConfigureAwait(false)).ToList();
                if (!await _alertmanager.Client.PostAsync(alerts, stoppingToken).ConfigureAwait(false))
                {
                    LogPostFailed(logger, alerts.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Notifications never take the control plane down; the next round retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    /// <summary>New ALARMs, re-sends of ongoing ones, and resolutions of those that stopped.</summary>
    private List<AlertmanagerAlert> AlarmAlerts()
    {
        var now = time.GetUtcNow();
        var alerts = new List<AlertmanagerAlert>();
        var states = monitor.States;
        foreach (var status in states.Where(s => s.State == AlarmState.Alarm))
        {
            var key = (status.Alarm.Name, status.Scope);
            if (_firing.TryGetValue(key, out var known) && now - known.SentAt < Resend)
            {
                continue;
            }

            var since = _firing.TryGetValue(key, out var previous) ? previous.Since : status.Since;
            _firing[key] = (since, now);
            alerts.Add(AlarmAlert(status, since, now + FiringLease));
        }

        foreach (var key in _firing.Keys.ToList())
        {
            var status = states.FirstOrDefault(s => s.Alarm.Name == key.Alarm && s.Scope == key.Scope);
            if (status is null || status.State != AlarmState.Alarm)
            {
                alerts.Add(AlarmAlert(status ?? new AlarmStatus(monitor.Alarms.First(a => a.Name == key.Alarm), key.Scope, AlarmState.Ok, now, "no longer evaluated"), _firing[key].Since, now));
                _firing.Remove(key);
            }
        }

        return alerts;
    }

    private AlertmanagerAlert AlarmAlert(AlarmStatus status, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var alarm = status.Alarm;
        var release = coordinator.Active;
        var commands = release is not null && release.Version == status.Scope
            ? alarm.Rollback ? $"release {release.Id} is rolling back on its own; follow it: cutover history --release {release.Id}" : $"stop the release: cutover abort; or carry on: cutover promote"
            : "roll back the serving version: cutover rollback";
        return new AlertmanagerAlert(
            new Dictionary<string, string>
            {
                ["alertname"] = alarm.Name,
                ["service"] = options.Manifest.Service.Name,
                ["version"] = status.Scope,
                ["severity"] = alarm.Severity.ToString().ToLowerInvariant(),
                [AlertmanagerConfigRenderer.KindLabel] = "alarm",
                ["rollback"] = alarm.Rollback ? "true" : "false",
            },
            new Dictionary<string, string>
            {
                ["summary"] = $"{alarm.Name} is {(status.State == AlarmState.Alarm ? "in ALARM" : "OK again")} for {options.Manifest.Service.Name} {status.Scope}",
                ["values"] = status.Reason,
                ["description"] = alarm.Description,
                ["commands"] = commands,
                ["dashboard"] = options.ControlPlaneUri.ToString(),
            },
            startsAt,
            endsAt,
            new Uri(options.ControlPlaneUri, "api/v1/alarms").ToString());
    }

    /// <summary>Release events written to the audit trail since the last round, one alert each.</summary>
    private async Task<List<AlertmanagerAlert>> ReleaseAlertsAsync(CancellationToken cancellationToken)
    {
        var entries = await platform.Store.ListAuditAsync(null, 200, cancellationToken).ConfigureAwait(false);
        if (_lastAuditSequence < 0)
        {
            // Events from before this control plane started were notified by the one that wrote them.
            _lastAuditSequence = entries.Count > 0 ? entries[^1].Sequence : 0;
            return [];
        }

        var alerts = new List<AlertmanagerAlert>();
        foreach (var entry in entries.Where(e => e.Sequence > _lastAuditSequence))
        {
            _lastAuditSequence = entry.Sequence;
            if (ReleaseEvents.Contains(entry.Event))
            {
                alerts.Add(ReleaseAlert(entry));
            }
        }

        return alerts;
    }

    private AlertmanagerAlert ReleaseAlert(AuditEntry entry)
    {
        var commands = entry.Event switch
        {
            "approval.waiting" => "approve: cutover promote | stop: cutover abort",
            "release.started" or "traffic.shifted" => "pause: cutover pause | skip ahead: cutover promote | stop: cutover abort",
            "release.succeeded" => "undo: cutover rollback",
            _ => $"details: cutover history --release {entry.ReleaseId}",
        };
        return new AlertmanagerAlert(
            new Dictionary<string, string>
            {
                ["alertname"] = entry.Event,
                ["service"] = options.Manifest.Service.Name,
                ["severity"] = entry.Event is "rollback.started" or "release.failed" ? "warning" : "info",
                [AlertmanagerConfigRenderer.KindLabel] = "release",
                ["release"] = entry.ReleaseId,
                ["sequence"] = entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            new Dictionary<string, string>
            {
                ["summary"] = $"{entry.ReleaseId}: {entry.Detail}",
                ["actor"] = entry.Actor,
                ["commands"] = commands,
                ["dashboard"] = options.ControlPlaneUri.ToString(),
            },
            entry.At,
            entry.At + FiringLease);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Alertmanager ready at {Uri} with {Receivers} receiver(s)")]
    private static partial void LogStarted(ILogger logger, Uri uri, int receivers);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Alertmanager did not take {Count} alert(s); the next round sends them again")]
    private static partial void LogPostFailed(ILogger logger, int count);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Notification round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
