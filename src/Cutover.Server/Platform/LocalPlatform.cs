using Cutover.Core.Hooks;
using Cutover.Core.Instances;
using Cutover.Core.Releases;
using Cutover.Core.Routing;
using Cutover.Core.Storage;
using Cutover.Local.Alarms;
using Cutover.Local.Analysis;
using Cutover.Local.Flags;
using Cutover.Local.Haproxy;
using Cutover.Local.Hooks;
using Cutover.Local.Processes;
using Cutover.Local.Prometheus;
using Cutover.Local.Secrets;
using Cutover.Local.Signals;
using Cutover.Local.Storage;
using Cutover.Server.Api;
using Cutover.Server.Releases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Platform;

/// <summary>
/// The local target: HAProxy, Prometheus and the service's instances as child processes, state in SQLite.
/// Starts them in order, brings up the current version behind the load balancer, and stops them all on the way out.
/// </summary>
public sealed partial class LocalPlatform(
    ControlPlaneOptions options,
    TimeProvider time,
    ILoggerFactory loggers,
    IHttpClientFactory httpClients,
    LocalFeatureFlags flags) : IHostedService, IAsyncDisposable
{
    private const string PlatformActor = "control-plane";
    private readonly ILogger _logger = loggers.CreateLogger<LocalPlatform>();
    private SqliteReleaseStore? _store;
    private HaproxyProcess? _haproxy;
    private HaproxyRouter? _router;
    private PrometheusProcess? _prometheus;
    private ProcessInstanceRuntime? _runtime;
    private PrometheusDatapointSource? _datapoints;
    private PrometheusCanaryMetricsSource? _canaryMetrics;
    private GoldenSignalRecorder? _signals;
    private HaproxyRequestFollower? _requests;

    /// <summary>
    /// The memory an instance is judged against until <c>service.resources.memory</c> exists (issue 12, item 3): 512 MiB,
    /// the memory of the smallest Fargate task size the AWS target's dev environment runs.
    /// </summary>
    public const long DefaultMemoryLimitBytes = 512L * 1024 * 1024;

    private static readonly TimeSpan SignalsHealthTimeout = TimeSpan.FromMilliseconds(150);

    public IReleaseStore Store => _store ?? throw NotStarted();

    public ITrafficRouter Router => _router ?? throw NotStarted();

    public IInstanceRuntime Runtime => _runtime ?? throw NotStarted();

    /// <summary>Whether an instance runs now; true before the platform started, so nothing of it is cleaned up early.</summary>
    public bool IsInstanceRunning(string instanceId) => _runtime is not { } runtime || runtime.Running.Any(i => i.Id == instanceId);

    public IHookRunner Hooks { get; } = new ProcessHookRunner(options.ManifestDirectory);

    /// <summary>Ids of the instances of <paramref name="version"/> the platform answers for now (crashed ones included, stopped ones not).</summary>
    public IReadOnlyCollection<string> InstanceIdsOf(string version) =>
        _runtime is null ? [] : [.. _runtime.Tracked.Where(i => i.Version == version).Select(i => i.Id)];

    /// <summary>Alarm datapoints for a version, from this platform's Prometheus and instance exits.</summary>
    public PrometheusDatapointSource Datapoints => _datapoints ?? throw NotStarted();

    /// <summary>Canary and baseline values for <c>release.analysis</c>, from this platform's Prometheus.</summary>
    public PrometheusCanaryMetricsSource CanaryMetrics => _canaryMetrics ?? throw NotStarted();

    /// <summary>HAProxy's per-instance response counters, for the fail-fast guard.</summary>
    public Cutover.Core.Guard.IRequestCountsSource RequestCounts => _router ?? throw NotStarted();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before anything starts: a missing secret would otherwise surface as instances that never become healthy.
        var secrets = SecretResolver.Resolve(options.Manifest, options.Environment, options.ManifestDirectory, Environment.GetEnvironmentVariable);
        if (!secrets.Resolved)
        {
            throw new PlatformStartException(string.Join(Environment.NewLine, secrets.Problems));
        }

        var ports = options.Ports;
        var state = Directory.CreateDirectory(options.StateDirectory).FullName;
        await flags.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _store = await SqliteReleaseStore.OpenAsync(Path.Combine(state, "cutover.db"), cancellationToken).ConfigureAwait(false);
        var haproxyOptions = new HaproxyOptions
        {
            RuntimeDirectory = HaproxyDirectory(options),
            Ports = ports,
            HealthCheck = options.Manifest.Service.HealthCheck,
            SlotCount = Math.Max(16, options.Instances * 4),
        };
        _haproxy = new HaproxyProcess(haproxyOptions, loggers.CreateLogger<HaproxyProcess>(), time);
        var haproxyStart = await _haproxy.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!haproxyStart.Started)
        {
            throw new PlatformStartException($"HAProxy did not start: {haproxyStart.Message}");
        }

        _router = new HaproxyRouter(_haproxy.RouterOptions, loggers.CreateLogger<HaproxyRouter>(), time);
        _signals = new GoldenSignalRecorder(options.Manifest.Service.Name, () => _runtime?.Tracked ?? []);
        _requests = HaproxyRequestFollower.Start(haproxyOptions.SocketPath, _signals, loggers.CreateLogger<HaproxyRequestFollower>(), time);

        _prometheus = new PrometheusProcess(
            PrometheusOptions.FromPorts(ports, PrometheusDirectory(options), options.Manifest.Service.Name),
            loggers.CreateLogger<PrometheusProcess>(),
            time);
        // A Prometheus left by a control plane that was killed holds the port and the TSDB lock.
        await Leftovers.StopByConfigFileAsync(_prometheus.Options.ConfigFilePath, cancellationToken).ConfigureAwait(false);
        await _prometheus.UpdateTargetsAsync([], cancellationToken).ConfigureAwait(false);
        var prometheusStart = await _prometheus.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!prometheusStart.Started)
        {
            throw new PlatformStartException($"Prometheus did not start: {prometheusStart.Message}");
        }

        _runtime = new ProcessInstanceRuntime(
            new ProcessInstanceRuntimeOptions
            {
                Manifest = options.Manifest,
                ManifestDirectory = options.ManifestDirectory,
                Ports = ports,
                LogDirectory = Path.Combine(state, "logs"),
                Environment = options.Environment,
                FeatureFlagsFile = flags.FilePath,
            },
            httpClients.CreateClient(nameof(LocalPlatform)),
            loggers.CreateLogger<ProcessInstanceRuntime>(),
            time);

        var prometheusClient = new PrometheusClient(httpClients.CreateClient(nameof(PrometheusClient)), _prometheus.BaseUri);
        _datapoints = new PrometheusDatapointSource(prometheusClient, _runtime.UnexpectedExits);
        _canaryMetrics = new PrometheusCanaryMetricsSource(prometheusClient, InstanceIdsOf);

        if (!await RecoverAsync(haproxyStart.Adopted, cancellationToken).ConfigureAwait(false))
        {
            await StartCurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static string HaproxySocketPath(ControlPlaneOptions options) =>
        new HaproxyOptions { RuntimeDirectory = HaproxyDirectory(options) }.SocketPath;

    public static string PrometheusConfigPath(ControlPlaneOptions options) =>
        PrometheusOptions.FromPorts(options.Ports, PrometheusDirectory(options), options.Manifest.Service.Name).ConfigFilePath;

    private static string HaproxyDirectory(ControlPlaneOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), "haproxy");

    private static string PrometheusDirectory(ControlPlaneOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), "prometheus");

    /// <summary>A release an earlier control plane left unfinished, for the coordinator to resume; null when none.</summary>
    public ReleaseState? InterruptedRelease { get; private set; }

    /// <summary>
    /// After a control plane died without stopping what it started: adopt the instances that still run, re-learn
    /// HAProxy's slots (HAProxy kept routing meanwhile), take dead and unknown instances out, stop orphans.
    /// Returns true when the serving version runs on adopted instances and nothing needs starting.
    /// </summary>
    private async Task<bool> RecoverAsync(bool haproxySurvived, CancellationToken cancellationToken)
    {
        var deployment = await Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
        var releases = await Store.ListReleasesAsync(20, cancellationToken).ConfigureAwait(false);
        var interrupted = releases.FirstOrDefault(r => !r.IsTerminal);
        var known = (deployment?.Instances ?? [])
            .Concat(interrupted?.OldInstances ?? [])
            .Concat(interrupted?.NewInstances ?? [])
            .DistinctBy(i => i.Id)
            .ToList();
        var adopted = known.Where(_runtime!.Adopt).ToList();
        var dead = known.Except(adopted).ToList();
        if (haproxySurvived)
        {
            await _router!.RecoverAsync(adopted, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (pid, id) in _runtime.FindOrphans())
        {
            await _runtime.StopOrphanAsync(pid, id, options.Manifest.Service.Shutdown.StopTimeout, cancellationToken).ConfigureAwait(false);
            await AuditAsync("instance.orphan-stopped", $"{id} (pid {pid}) was left by an earlier control plane and belongs to no release; stopped", cancellationToken).ConfigureAwait(false);
        }

        if (known.Count > 0 || haproxySurvived)
        {
            await AuditAsync(
                "platform.recovering",
                $"an earlier control plane stopped without cleaning up; HAProxy {(haproxySurvived ? "kept serving and was adopted" : "had stopped")}; adopted {adopted.Count} instance(s), {dead.Count} gone" + (interrupted is null ? string.Empty : $"; release {interrupted.Id} ({interrupted.Phase}) will be resumed"),
                cancellationToken).ConfigureAwait(false);
        }

        if (interrupted is not null && haproxySurvived)
        {
            // The engine takes it from here: it knows which of these instances should carry traffic.
            InterruptedRelease = interrupted;
            await _router!.ReleaseUnrecognizedSlotsAsync(cancellationToken).ConfigureAwait(false);
            await RefreshScrapeTargetsAsync().ConfigureAwait(false);
            return true;
        }

        if (interrupted is not null)
        {
            // Without the load balancer's state the release cannot be trusted: end it; the serving version starts anew.
            var reason = $"the control plane and HAProxy stopped during {interrupted.Phase}; {interrupted.PreviousVersion} serves production again";
            await Store.SaveReleaseAsync(interrupted with { Phase = ReleasePhase.Failed, Reason = reason, EndedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            await Store.AppendAuditAsync(new AuditEntry(0, interrupted.Id, time.GetUtcNow(), PlatformActor, "release.failed", reason), cancellationToken).ConfigureAwait(false);
            foreach (var instance in adopted.Where(a => interrupted.NewInstances.Any(n => n.Id == a.Id)))
            {
                await _runtime.StopAsync(instance, options.Manifest.Service.Shutdown.StopTimeout, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        var serving = adopted.Where(a => deployment!.Instances.Any(d => d.Id == a.Id)).ToList();
        if (!haproxySurvived || serving.Count == 0)
        {
            return false;
        }

        await Router.SetWeightsAsync(TrafficWeights.Compute(serving.Select(i => i.Id).ToList(), [], 0), cancellationToken).ConfigureAwait(false);
        await _router!.ReleaseUnrecognizedSlotsAsync(cancellationToken).ConfigureAwait(false);
        await Store.SaveDeploymentAsync(deployment! with { Instances = serving }, cancellationToken).ConfigureAwait(false);
        await RefreshScrapeTargetsAsync().ConfigureAwait(false);
        await AuditAsync("platform.started", $"{serving.Count} adopted instance(s) of {deployment!.Version} serve {options.ProductionUri}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The golden signals of every instance in Prometheus text format, measured now: HAProxy's counters since the control
    /// plane started, its checks, and <c>/proc</c>. Never throws for a HAProxy that does not answer: health is then left as it was.
    /// </summary>
    public async Task<string> RenderSignalsAsync(CancellationToken cancellationToken)
    {
        if (_signals is null || _runtime is null || _router is null)
        {
            return string.Empty;
        }

        var instances = _runtime.Tracked;
        _signals.Track(instances);
        // The router serialises its commands: while a release shifts traffic the scrape must not wait past its own
        // timeout (the scrape interval, 250 ms), or Prometheus marks every series stale. Health stays as last seen.
        using var healthTimeout = new CancellationTokenSource(SignalsHealthTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, healthTimeout.Token);
        try
        {
            _signals.ObserveHealth(await _router.GetStateAsync(linked.Token).ConfigureAwait(false));
        }
        catch (HaproxyCommandException ex)
        {
            LogSignalsHealthFailed(_logger, ex.Message);
        }
        catch (OperationCanceledException) when (healthTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogSignalsHealthSlow(_logger, SignalsHealthTimeout);
        }

        var usage = ProcessTreeSampler.Sample([.. instances.Select(i => i.ProcessId)]);
        return _signals.Render(usage, DefaultMemoryLimitBytes);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_requests is not null)
        {
            await _requests.DisposeAsync().ConfigureAwait(false);
            _requests = null;
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
            if (await Store.GetDeploymentAsync(CancellationToken.None).ConfigureAwait(false) is { } deployment)
            {
                // Stopped cleanly: the next start has nothing to recover, only the version to bring back. On a full
                // disk the old instance list stays; the next start finds those processes gone and starts new ones.
                await StopQuietlyOnFullDiskAsync(() => Store.SaveDeploymentAsync(deployment with { Instances = [] }, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        if (_haproxy is not null)
        {
            await _haproxy.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_prometheus is not null)
        {
            await _prometheus.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_store is not null)
        {
            await StopQuietlyOnFullDiskAsync(() => AuditAsync("platform.stopped", "instances, HAProxy and Prometheus stopped", CancellationToken.None)).ConfigureAwait(false);
        }

        LogStopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_requests is not null)
        {
            await _requests.DisposeAsync().ConfigureAwait(false);
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }

        _router?.Dispose();
        if (_haproxy is not null)
        {
            await _haproxy.DisposeAsync().ConfigureAwait(false);
        }

        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Keeps Prometheus scraping exactly the running instances as a release adds and retires them.</summary>
    public void OnReleaseChanged(ReleaseState release)
    {
        ArgumentNullException.ThrowIfNull(release);
        _ = RefreshScrapeTargetsAsync();
    }

    public async Task<StatusResponse> GetStatusAsync(ReleaseCoordinator coordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var deployment = await Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
        var routed = await Router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var totalWeight = routed.Sum(r => r.Weight);
        var instances = Runtime.Running
            .Select(i =>
            {
                var lb = routed.FirstOrDefault(r => r.InstanceId == i.Id);
                var weight = lb?.Weight ?? 0;
                return new InstanceStatus(
                    i.Id,
                    i.Version,
                    i.Port,
                    i.ProcessId,
                    weight,
                    totalWeight == 0 ? 0 : Math.Round(100.0 * weight / totalWeight, 1),
                    lb?.Healthy ?? false,
                    lb?.Status ?? "not in load balancer");
            })
            .OrderBy(i => i.Version, StringComparer.Ordinal)
            .ThenBy(i => i.Port)
            .ToList();
        var recent = await Store.ListReleasesAsync(1, cancellationToken).ConfigureAwait(false);
        var latest = coordinator.Latest ?? (recent.Count > 0 ? recent[0] : null);
        var endpoints = new Dictionary<string, string>
        {
            ["production"] = options.ProductionUri.ToString(),
            ["test"] = options.TestUri.ToString(),
            ["controlPlane"] = options.ControlPlaneUri.ToString(),
            ["prometheus"] = $"http://{options.Ports.BindAddress}:{options.Ports.PrometheusPort}/",
            ["haproxyStats"] = $"http://{options.Ports.BindAddress}:{options.Ports.HaproxyStatsPort}/stats",
        };
        return new StatusResponse(
            options.Manifest.Service.Name,
            options.Environment.Name,
            deployment?.Version,
            await coordinator.PreviousVersionAsync(deployment, cancellationToken).ConfigureAwait(false),
            instances,
            latest,
            endpoints);
    }

    /// <summary>Replaces instances of the serving version whose process exited; returns how many.</summary>
    public async Task<int> ReplaceExitedInstancesAsync(CancellationToken cancellationToken)
    {
        var deployment = await Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
        if (deployment is null || _runtime is null)
        {
            return 0;
        }

        var exited = deployment.Instances.Where(i => _runtime.ExitCodeOf(i.Id) is not null).ToList();
        if (exited.Count == 0)
        {
            return 0;
        }

        var survivors = deployment.Instances.Except(exited).ToList();
        foreach (var dead in exited)
        {
            await AuditAsync("instance.exited", $"{dead.Id} of {dead.Version} exited with code {_runtime.ExitCodeOf(dead.Id)}; taken out of the load balancer and replaced", cancellationToken).ConfigureAwait(false);
            await Router.RemoveAsync(dead.Id, cancellationToken).ConfigureAwait(false);
            await Runtime.StopAsync(dead, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        // Keep the deployment truthful while the replacements start: a crash now must not resurrect the dead ones.
        await Store.SaveDeploymentAsync(deployment with { Instances = survivors }, cancellationToken).ConfigureAwait(false);
        var replacements = await StartHealthyAsync(deployment.Version, exited.Count, cancellationToken).ConfigureAwait(false);
        var instances = survivors.Concat(replacements).ToList();
        await Router.SetWeightsAsync(TrafficWeights.Compute(instances.Select(i => i.Id).ToList(), [], 0), cancellationToken).ConfigureAwait(false);
        await Store.SaveDeploymentAsync(deployment with { Instances = instances }, cancellationToken).ConfigureAwait(false);
        await RefreshScrapeTargetsAsync().ConfigureAwait(false);
        await AuditAsync("instance.replaced", $"{replacements.Count} new instance(s) of {deployment.Version} serve traffic: {string.Join(", ", replacements.Select(r => r.Id))}", cancellationToken).ConfigureAwait(false);
        return replacements.Count;
    }

    /// <summary>
    /// Starts HAProxy again if it exited, from the same configuration, and puts back every slot the router had assigned,
    /// with its weight: production is served again within a second or two, with the split it had (mid-release too).
    /// </summary>
    public async Task RestartExitedHaproxyAsync(CancellationToken cancellationToken)
    {
        if (_haproxy is not { HasExited: true } dead || _router is null)
        {
            return;
        }

        await AuditAsync("haproxy.exited", $"HAProxy exited ({string.Join(" | ", dead.RecentOutput.TakeLast(3))}); starting it again", cancellationToken).ConfigureAwait(false);
        await dead.DisposeAsync().ConfigureAwait(false);
        _haproxy = new HaproxyProcess(dead.Options with { RestoreServerState = true }, loggers.CreateLogger<HaproxyProcess>(), time);
        var started = await _haproxy.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!started.Started)
        {
            await AuditAsync("haproxy.restart-failed", started.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (production, test) = await _router.RestoreAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync("haproxy.restarted", $"HAProxy started again (pid {_haproxy.ProcessId}); {production} production and {test} test slot(s) restored with their weights", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts Prometheus again if it exited; metrics history stays in its data folder.</summary>
    public async Task RestartExitedPrometheusAsync(CancellationToken cancellationToken)
    {
        if (_prometheus is not { HasExited: true } dead)
        {
            return;
        }

        await AuditAsync("prometheus.exited", $"Prometheus exited ({string.Join(" | ", dead.StderrTail.TakeLast(3))}); starting it again", cancellationToken).ConfigureAwait(false);
        await dead.DisposeAsync().ConfigureAwait(false);
        _prometheus = new PrometheusProcess(dead.Options, loggers.CreateLogger<PrometheusProcess>(), time);
        await RefreshScrapeTargetsAsync().ConfigureAwait(false);
        var started = await _prometheus.StartAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync(started.Started ? "prometheus.restarted" : "prometheus.restart-failed", started.Message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the version that served last (or the manifest's initial version) and gives it all production traffic.</summary>
    private async Task StartCurrentVersionAsync(CancellationToken cancellationToken)
    {
        var previous = await Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
        var version = previous?.Version ?? options.Manifest.Service.InitialVersion;
        if (!options.Manifest.Versions.ContainsKey(version))
        {
            version = options.Manifest.Service.InitialVersion;
        }

        var instances = await StartHealthyAsync(version, options.Instances, cancellationToken).ConfigureAwait(false);
        await Router.SetWeightsAsync(TrafficWeights.Compute(instances.Select(i => i.Id).ToList(), [], 0), cancellationToken).ConfigureAwait(false);
        await Store.SaveDeploymentAsync(new Deployment(version, instances, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

        // Leftovers of an earlier control plane that did not stop cleanly: their HAProxy slots leave rotation only
        // now that the new instances carry traffic, then their processes get the usual graceful stop.
        var released = await _router!.ReleaseUnrecognizedSlotsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var stale in previous?.Instances ?? [])
        {
            await Runtime.StopAsync(stale, options.Manifest.Service.Shutdown.StopTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (released > 0 || previous?.Instances.Count > 0)
        {
            await AuditAsync("platform.recovered", $"took {released} stale load-balancer slot(s) out of rotation and stopped {previous?.Instances.Count ?? 0} leftover instance(s)", cancellationToken).ConfigureAwait(false);
        }

        await RefreshScrapeTargetsAsync().ConfigureAwait(false);
        await AuditAsync("platform.started", $"{instances.Count} instance(s) of {version} serve {options.ProductionUri}", cancellationToken).ConfigureAwait(false);
        LogStarted(_logger, version, instances.Count, options.ProductionUri);
    }

    /// <summary>Starts instances, waits for the health gate, and adds them to the load balancer at weight 0.</summary>
    private async Task<List<InstanceEndpoint>> StartHealthyAsync(string version, int count, CancellationToken cancellationToken)
    {
        var instances = new List<InstanceEndpoint>();
        for (var i = 0; i < count; i++)
        {
            instances.Add(await Runtime.StartAsync(version, cancellationToken).ConfigureAwait(false));
        }

        var gate = new HealthGate(Runtime, Router, options.Manifest.Service.HealthCheck, time);
        var ready = await gate.WaitUntilReadyAsync(instances, cancellationToken).ConfigureAwait(false);
        if (ready.Passed)
        {
            foreach (var instance in instances)
            {
                await Router.AddAsync(instance, cancellationToken).ConfigureAwait(false);
            }

            ready = await gate.WaitUntilRoutedAsync(instances, cancellationToken).ConfigureAwait(false);
        }

        if (!ready.Passed)
        {
            foreach (var instance in instances)
            {
                await Router.RemoveAsync(instance.Id, cancellationToken).ConfigureAwait(false);
                await Runtime.StopAsync(instance, options.Manifest.Service.Shutdown.StopTimeout, cancellationToken).ConfigureAwait(false);
            }

            throw new PlatformStartException($"{version} did not become healthy: {ready.Detail}. See {Path.Combine(options.StateDirectory, "logs")} for its output.");
        }

        return instances;
    }

    private async Task RefreshScrapeTargetsAsync()
    {
        try
        {
            if (_prometheus is not null && _runtime is not null)
            {
                _signals?.Track(_runtime.Tracked);
                await _prometheus.UpdateTargetsAsync(_runtime.Running, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (IOException ex)
        {
            LogTargetsFailed(_logger, ex);
        }
    }

    private Task<AuditEntry> AuditAsync(string name, string detail, CancellationToken cancellationToken) =>
        Store.AppendAuditAsync(new AuditEntry(0, "platform", time.GetUtcNow(), PlatformActor, name, detail), cancellationToken);

    /// <summary>Stopping goes on when the disk is full: HAProxy and Prometheus must still stop.</summary>
    private async Task StopQuietlyOnFullDiskAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (DiskFullException full)
        {
            LogNotSavedOnStop(_logger, full.Message);
        }
    }

    private static InvalidOperationException NotStarted() => new("the local platform has not started");

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Platform up: {Count} instance(s) of {Version} serve {Uri}")]
    private static partial void LogStarted(ILogger logger, string version, int count, Uri uri);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Platform stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Stopping without saving: {Where}")]
    private static partial void LogNotSavedOnStop(ILogger logger, string where);

    [LoggerMessage(EventId = 304, Level = LogLevel.Debug, Message = "Golden signals without HAProxy's health this time: {Reason}")]
    private static partial void LogSignalsHealthFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 305, Level = LogLevel.Debug, Message = "Golden signals without HAProxy's health this time: its state took over {Timeout}")]
    private static partial void LogSignalsHealthSlow(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Could not update Prometheus scrape targets")]
    private static partial void LogTargetsFailed(ILogger logger, Exception exception);
}
