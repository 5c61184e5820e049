using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Platform;
using Cutover.Server.Releases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cutover.Server.Dashboard;

/// <summary>
/// Pushes what the dashboard shows to every <c>/api/v1/events</c> stream: a <c>snapshot</c> first, then
/// <c>release</c>, <c>status</c>, <c>audit</c>, <c>alarms</c>, <c>alarm-transitions</c> and <c>metrics</c> as they change.
/// One loop watches the coordinator, the audit trail, the alarm monitor and Prometheus for all streams, and only while
/// someone watches. The engine and the store are read, never hooked: the dashboard cannot slow a release down.
/// </summary>
/// <remarks>
/// Snapshots are built by the loop itself, right after a round of changes went out, so a new stream misses nothing:
/// what its snapshot lacks comes in the next round, at worst twice (the page drops audit entries it has by sequence).
/// </remarks>
internal sealed partial class DashboardEventHub(
    LocalPlatform platform,
    ReleaseCoordinator coordinator,
    AlarmMonitor monitor,
    GoldenSignals golden,
    ApiAccessOptions access,
    ControlPlaneOptions options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider time,
    ILogger<DashboardEventHub> logger) : BackgroundService
{
    /// <summary>How often the release and the audit trail are looked at: the bound on event-to-screen latency.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AlarmsInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);
    private const int SnapshotAuditEntries = 300;
    private const int SnapshotTransitions = 200;

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _active = [];
    private readonly List<Subscriber> _pending = [];
    private TaskCompletionSource _wake = NewWake();

    // Cursors, touched by the loop only (and the status and metrics tasks it starts, one of each at a time).
    private ReleaseState? _release;
    private long _auditSequence;
    private int _transitionCount;
    private string? _alarms;
    private string? _status;
    private DateTimeOffset _nextStatus;
    private DateTimeOffset _nextAlarms;
    private DateTimeOffset _nextMetrics;
    private DateTimeOffset _nextPing;
    private Task _statusTask = Task.CompletedTask;
    private Task _metricsTask = Task.CompletedTask;

    public DashboardInfo Info => new(
        options.Manifest.Service.Name,
        options.Environment.Name,
        access.RequiresToken,
        ReleaseMarkerEvents.All,
        MetricsInterval.TotalSeconds);

    /// <summary>The events for one stream, until <paramref name="cancellationToken"/> or the hub stops; a stream too slow to keep up is ended (the page reconnects and gets a new snapshot).</summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber();
        lock (_gate)
        {
            _pending.Add(subscriber);
            _wake.TrySetResult();
        }

        try
        {
            await foreach (var item in subscriber.Channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(subscriber);
                _active.Remove(subscriber);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake;
                bool idle;
                lock (_gate)
                {
                    wake = _wake.Task;
                    idle = _active.Count == 0 && _pending.Count == 0;
                }

                // Nobody watches: sleep until a stream opens rather than poll for no one.
                await (idle ? wake.WaitAsync(stoppingToken) : (Task)Task.WhenAny(wake, Task.Delay(Tick, time, stoppingToken))).ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
                lock (_gate)
                {
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewWake();
                    }
                }

                try
                {
                    await RoundAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The platform restarting a component must not end the dashboard's feed; the next round tries again.
                    LogRoundFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            lock (_gate)
            {
                foreach (var subscriber in _active.Concat(_pending))
                {
                    subscriber.Channel.Writer.TryComplete();
                }
            }
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        List<Subscriber> joining;
        bool watched;
        lock (_gate)
        {
            joining = [.. _pending];
            _pending.Clear();
            watched = _active.Count > 0;
        }

        if (watched)
        {
            await PublishChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (joining.Count > 0)
        {
            try
            {
                await WelcomeAsync(joining, resetCursors: !watched, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // No snapshot, no stream: the page reconnects and asks again.
                foreach (var subscriber in joining)
                {
                    subscriber.Channel.Writer.TryComplete();
                }

                throw;
            }
        }
    }

    private async Task PublishChangesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (coordinator.Latest is { } release && !ReferenceEquals(release, _release))
        {
            _release = release;
            Publish("release", release);
            _nextStatus = now; // weights moved with the step
        }

        var audit = await platform.Store.ListAuditAsync(null, SnapshotAuditEntries, cancellationToken).ConfigureAwait(false);
        var fresh = audit.Where(e => e.Sequence > _auditSequence).ToList();
        if (fresh.Count > 0)
        {
            _auditSequence = fresh[^1].Sequence;
            Publish("audit", fresh);
        }

        if (now >= _nextAlarms)
        {
            _nextAlarms = now + AlarmsInterval;
            PublishAlarms();
        }

        if (now >= _nextStatus && _statusTask.IsCompleted)
        {
            _nextStatus = now + StatusInterval;
            _statusTask = PublishStatusAsync(cancellationToken);
        }

        if (now >= _nextMetrics && _metricsTask.IsCompleted)
        {
            _nextMetrics = now + MetricsInterval;
            _metricsTask = PublishMetricsAsync(cancellationToken);
        }

        if (now >= _nextPing)
        {
            _nextPing = now + PingInterval;
            Publish("ping", new { at = now });
        }
    }

    private void PublishAlarms()
    {
        var states = AlarmViews.States(monitor);
        var text = JsonSerializer.Serialize(states, _json);
        if (text != _alarms)
        {
            _alarms = text;
            PublishText("alarms", text);
        }

        var transitions = monitor.Transitions;
        if (transitions.Count > _transitionCount)
        {
            Publish("alarm-transitions", transitions.Skip(_transitionCount).Select(AlarmViews.Transition).ToList());
            _transitionCount = transitions.Count;
        }
    }

    private async Task PublishStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await platform.GetStatusAsync(coordinator, cancellationToken).ConfigureAwait(false);
            var text = JsonSerializer.Serialize(status, _json);
            if (text != _status)
            {
                _status = text;
                PublishText("status", text);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRoundFailed(logger, ex);
        }
    }

    private async Task PublishMetricsAsync(CancellationToken cancellationToken)
    {
        try
        {
            Publish("metrics", await golden.LatestAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRoundFailed(logger, ex);
        }
    }

    private async Task WelcomeAsync(List<Subscriber> joining, bool resetCursors, CancellationToken cancellationToken)
    {
        var status = await platform.GetStatusAsync(coordinator, cancellationToken).ConfigureAwait(false);
        var audit = await platform.Store.ListAuditAsync(null, SnapshotAuditEntries, cancellationToken).ConfigureAwait(false);
        var transitions = monitor.Transitions;
        var alarms = AlarmViews.States(monitor);
        var snapshot = new DashboardSnapshot(
            Info,
            status,
            coordinator.Latest ?? status.Release,
            audit,
            alarms,
            [.. transitions.TakeLast(SnapshotTransitions).Select(AlarmViews.Transition)]);
        if (resetCursors)
        {
            // Nobody watched until now: the snapshot is where the changes start.
            _release = coordinator.Latest;
            _auditSequence = audit.Count > 0 ? audit[^1].Sequence : 0;
            _transitionCount = transitions.Count;
            _alarms = JsonSerializer.Serialize(alarms, _json);
            _status = JsonSerializer.Serialize(status, _json);
            var now = time.GetUtcNow();
            _nextStatus = now + StatusInterval;
            _nextMetrics = now + MetricsInterval;
            _nextPing = now + PingInterval;
        }

        var item = new SseItem<string>(JsonSerializer.Serialize(snapshot, _json), "snapshot") { ReconnectionInterval = TimeSpan.FromSeconds(1) };
        lock (_gate)
        {
            foreach (var subscriber in joining)
            {
                if (subscriber.Channel.Writer.TryWrite(item))
                {
                    _active.Add(subscriber);
                }
            }
        }
    }

    private void Publish<T>(string name, T payload) => PublishText(name, JsonSerializer.Serialize(payload, _json));

    private void PublishText(string name, string data)
    {
        var item = new SseItem<string>(data, name);
        lock (_gate)
        {
            for (var i = _active.Count - 1; i >= 0; i--)
            {
                if (!_active[i].Channel.Writer.TryWrite(item))
                {
                    // Too far behind to catch up: end the stream; the page reconnects and starts from a new snapshot.
                    _active[i].Channel.Writer.TryComplete();
                    _active.RemoveAt(i);
                }
            }
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 800, Level = LogLevel.Warning, Message = "Dashboard event round failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    private sealed class Subscriber
    {
        public Channel<SseItem<string>> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<SseItem<string>>(
            new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }
}
