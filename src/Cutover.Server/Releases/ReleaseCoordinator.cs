using System.Globalization;
using Cutover.Core.Alarms;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Server.Platform;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Releases;

/// <summary>
/// Admits releases one at a time, runs each engine in the background, and routes operator commands to it.
/// Refusals are values with a message that says what to do, never exceptions.
/// </summary>
public sealed partial class ReleaseCoordinator(
    LocalPlatform platform,
    IAlarmStatusSource alarms,
    ControlPlaneOptions options,
    TimeProvider time,
    ILogger<ReleaseCoordinator> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private ReleaseEngine? _engine;
    private Task? _run;

    /// <summary>The running release, or null when none runs.</summary>
    public ReleaseState? Active => _engine?.Current is { IsTerminal: false } state ? state : null;

    /// <summary>The engine of the latest release started by this process (running or ended).</summary>
    public ReleaseState? Latest => _engine?.Current;

    public async Task<CoordinatorResult> DeployAsync(string version, string? strategyName, bool ignoreAlarms, string actor, CancellationToken cancellationToken)
    {
        var manifest = options.Manifest;
        if (string.IsNullOrWhiteSpace(version))
        {
            return CoordinatorResult.Refused(CoordinatorError.InvalidArgument, "a version is required: cutover deploy <version>");
        }

        if (!manifest.Versions.ContainsKey(version))
        {
            return CoordinatorResult.Refused(
                CoordinatorError.NotFound,
                $"unknown version '{Api.ApiInput.Echo(version)}': {manifest.SourcePath} declares {string.Join(", ", manifest.Versions.Keys)}; add it under versions: first");
        }

        ReleaseStrategyKind strategy;
        if (strategyName is null)
        {
            strategy = manifest.Release.Strategy;
        }
        else if (!ReleaseStrategyNames.TryParse(strategyName, out strategy))
        {
            return CoordinatorResult.Refused(CoordinatorError.InvalidArgument, $"unknown strategy '{Api.ApiInput.Echo(strategyName)}': use {ReleaseStrategyNames.Allowed}, spelt as in the manifest");
        }

        return await StartAsync(version, strategy, ReleaseKind.Deploy, actor, ignoreAlarms, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings back the version that served before the current one, as an immediate blue/green release.</summary>
    public async Task<CoordinatorResult> RollbackAsync(string actor, CancellationToken cancellationToken)
    {
        if (Active is { } active)
        {
            return CoordinatorResult.Refused(CoordinatorError.Conflict, $"release {active.Id} of {active.Version} is still running: use 'cutover abort' to roll it back");
        }

        var deployment = await platform.Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
        var previous = await PreviousVersionAsync(deployment, cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return CoordinatorResult.Refused(CoordinatorError.Conflict, $"nothing to roll back to: {deployment?.Version ?? "no version"} is the first version released here");
        }

        // A rollback is how an operator answers a firing alarm: it is never blocked by one.
        return await StartAsync(previous, ReleaseStrategyKind.BlueGreen, ReleaseKind.Rollback, actor, ignoreAlarms: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CommandOutcome> SendAsync(ReleaseCommand command, string actor, CancellationToken cancellationToken)
    {
        var engine = _engine;
        if (engine is null || engine.Current.IsTerminal)
        {
            return CommandOutcome.Refused($"no release is running; {command.ToString().ToLowerInvariant()} needs one (see 'cutover history')");
        }

        return await engine.SendAsync(command, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a release an earlier control plane left unfinished (see <see cref="LocalPlatform.InterruptedRelease"/>).</summary>
    public async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        if (platform.InterruptedRelease is not { } release)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var settings = ReleaseSettings.From(options.Manifest, options.Instances, options.TestUri);
            var engine = new ReleaseEngine(release, platform.Runtime, platform.Router, platform.Hooks, platform.Store, alarms, settings, time, platform.CanaryMetrics);
            engine.StateChanged += platform.OnReleaseChanged;
            _engine = engine;
            _run = Task.Run(() => RunAsync(engine, resume: true), CancellationToken.None);
            LogReleaseResumed(logger, release.Id, release.Phase);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The version that served before the current one: what the latest successful release replaced.</summary>
    public async Task<string?> PreviousVersionAsync(Deployment? deployment, CancellationToken cancellationToken)
    {
        if (deployment is null)
        {
            return null;
        }

        var releases = await platform.Store.ListReleasesAsync(100, cancellationToken).ConfigureAwait(false);
        return releases.FirstOrDefault(r => r.Phase == ReleasePhase.Succeeded && r.Version == deployment.Version)?.PreviousVersion;
    }

    /// <summary>Runs <paramref name="action"/> only while no release runs, holding off new releases meanwhile.</summary>
    public async Task WhenIdleAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Active is null)
            {
                await action(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the running engine without ending its release: the control plane is going away.</summary>
    public void CancelRunning() => _shutdown.Cancel();

    /// <summary>Waits for the running release to end (tests and shutdown).</summary>
    public Task WaitAsync() => _run ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await WaitAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down mid-release: the saved state is the intent for the next start.
        }

        _engine?.Dispose();
        _shutdown.Dispose();
        _gate.Dispose();
    }

    private async Task<CoordinatorResult> StartAsync(string version, ReleaseStrategyKind strategy, ReleaseKind kind, string actor, bool ignoreAlarms, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Active is { } active)
            {
                return CoordinatorResult.Refused(
                    CoordinatorError.Conflict,
                    $"release {active.Id} of {active.Version} is running ({active.Phase}); wait for it, or 'cutover abort' it first");
            }

            var deployment = await platform.Store.GetDeploymentAsync(cancellationToken).ConfigureAwait(false);
            if (deployment is null)
            {
                return CoordinatorResult.Refused(CoordinatorError.Conflict, "the platform has not started a version yet; run 'cutover up' first");
            }

            // Checked before the release exists: a secret that cannot be read must not cost a release, nor move traffic.
            var secrets = Local.Secrets.SecretResolver.Resolve(options.Manifest, options.Environment, options.ManifestDirectory, Environment.GetEnvironmentVariable);
            if (!secrets.Resolved)
            {
                return CoordinatorResult.Refused(CoordinatorError.InvalidArgument, $"{version} was not released: {string.Join(" ", secrets.Problems)}");
            }

            if (deployment.Version == version)
            {
                return CoordinatorResult.Refused(CoordinatorError.Conflict, $"{version} already serves production; nothing to release");
            }

            // ECS and Copilot silently start a release while an alarm already fires; its rollback would then be
            // blamed on the new version. Refuse instead, unless the operator says otherwise.
            var firing = alarms.StatusesFor(deployment.Version).Where(s => s.Alarm.Rollback && s.State == AlarmState.Alarm).ToList();
            if (firing.Count > 0 && !ignoreAlarms)
            {
                return CoordinatorResult.Refused(
                    CoordinatorError.Conflict,
                    $"alarm {string.Join(", ", firing.Select(f => f.Alarm.Name))} is already in ALARM for {deployment.Version}, the serving version ({firing[0].Reason}); fix that first, or deploy with --ignore-alarms to release anyway");
            }

            var now = time.GetUtcNow();
            var release = new ReleaseState
            {
                Id = $"r{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{version}",
                Kind = kind,
                Version = version,
                PreviousVersion = deployment.Version,
                Strategy = strategy,
                Steps = ReleasePlan.StepsFor(strategy, options.Manifest.Release),
                RequestedBy = actor,
                StartedAt = now,
                PhaseEnteredAt = now,
                OldInstances = deployment.Instances,
            };
            await platform.Store.SaveReleaseAsync(release, cancellationToken).ConfigureAwait(false);
            if (firing.Count > 0)
            {
                await platform.Store.AppendAuditAsync(new AuditEntry(0, release.Id, now, actor, "alarm.overridden", $"released although {string.Join(", ", firing.Select(f => f.Alarm.Name))} was in ALARM for {deployment.Version} (--ignore-alarms)"), cancellationToken).ConfigureAwait(false);
            }

            var settings = ReleaseSettings.From(options.Manifest, options.Instances, options.TestUri);
            var engine = new ReleaseEngine(release, platform.Runtime, platform.Router, platform.Hooks, platform.Store, alarms, settings, time, platform.CanaryMetrics);
            engine.StateChanged += platform.OnReleaseChanged;
            _engine?.Dispose();
            _engine = engine;
            _run = Task.Run(() => RunAsync(engine, resume: false), CancellationToken.None);
            LogReleaseStarted(logger, release.Id, version, strategy, actor);
            return CoordinatorResult.Started(release, $"release {release.Id} started: {kind} of {version} with {strategy}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(ReleaseEngine engine, bool resume)
    {
        var result = resume
            ? await engine.ResumeAsync(_shutdown.Token).ConfigureAwait(false)
            : await engine.RunAsync(_shutdown.Token).ConfigureAwait(false);
        LogReleaseEnded(logger, result.Id, result.Phase, result.Reason ?? "-");
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Release {ReleaseId} of {Version} started ({Strategy}) by {Actor}")]
    private static partial void LogReleaseStarted(ILogger logger, string releaseId, string version, ReleaseStrategyKind strategy, string actor);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Resuming release {ReleaseId} left at {Phase} by an earlier control plane")]
    private static partial void LogReleaseResumed(ILogger logger, string releaseId, ReleasePhase phase);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Release {ReleaseId} ended: {Phase} ({Reason})")]
    private static partial void LogReleaseEnded(ILogger logger, string releaseId, ReleasePhase phase, string reason);
}
