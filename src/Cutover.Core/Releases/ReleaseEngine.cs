using Cutover.Core.Alarms;
using Cutover.Core.Hooks;
using Cutover.Core.Instances;
using Cutover.Core.Routing;

namespace Cutover.Core.Releases;

/// <summary>
/// Runs one release: provision → health gate → test traffic and hooks → (approval) → shift traffic step by step → bake → finish.
/// It does no I/O of its own: processes, load balancer, hooks and storage are ports, time is a <see cref="TimeProvider"/>.
/// Every transition is saved before the action it announces, so a restarted control plane knows the intent.
/// </summary>
public sealed partial class ReleaseEngine : IDisposable
{
    private const string EngineActor = "engine";

    private readonly IInstanceRuntime _runtime;
    private readonly ITrafficRouter _router;
    private readonly IHookRunner _hooks;
    private readonly IReleaseStore _store;
    private readonly IAlarmStatusSource _alarms;
    private readonly Analysis.ICanaryMetricsSource? _canaryMetrics;
    private readonly Guard.IRequestCountsSource? _requestCounts;
    private readonly ReleaseSettings _settings;
    private readonly TimeProvider _time;
    private readonly HealthGate _healthGate;
    private readonly SemaphoreSlim _stateGate = new(1, 1);
    private readonly SemaphoreSlim _auditGate = new(1, 1);
    private readonly Queue<AuditEntry> _unsavedAudit = new();
    private readonly CancellationTokenSource _abortSource = new();
    private TaskCompletionSource _signal = NewSignal();
    private ReleaseState _state;
    private AbortRequest? _abort;
    private bool _promoteRequested;

    public ReleaseEngine(
        ReleaseState release,
        IInstanceRuntime runtime,
        ITrafficRouter router,
        IHookRunner hooks,
        IReleaseStore store,
        IAlarmStatusSource alarms,
        ReleaseSettings settings,
        TimeProvider time,
        Analysis.ICanaryMetricsSource? canaryMetrics = null,
        Guard.IRequestCountsSource? requestCounts = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(settings);
        _state = release;
        _runtime = runtime;
        _router = router;
        _hooks = hooks;
        _store = store;
        _alarms = alarms;
        _canaryMetrics = canaryMetrics;
        _requestCounts = requestCounts;
        _settings = settings;
        _time = time;
        _healthGate = new HealthGate(runtime, router, settings.HealthCheck, time);
    }

    /// <summary>The latest saved state.</summary>
    public ReleaseState Current => Volatile.Read(ref _state);

    /// <summary>Raised after every saved change, for live progress.</summary>
    public event Action<ReleaseState>? StateChanged;

    /// <summary>Runs the release to a terminal phase. Cancellation means the host is going away: the saved state stays as the intent.</summary>
    public async Task<ReleaseState> RunAsync(CancellationToken cancellationToken)
    {
        var release = Current;
        await AuditAsync(
            release.RequestedBy,
            "release.started",
            $"{release.Kind} of {release.Version} replacing {release.PreviousVersion ?? "nothing"}, {release.Strategy}, steps {string.Join("→", release.Steps.Select(s => s.Weight + "%"))}",
            cancellationToken).ConfigureAwait(false);

        return await GuardAsync(
            async ct => await ProvisionAsync(ct).ConfigureAwait(false)
                && await PreTrafficAsync(ct).ConfigureAwait(false)
                && await AwaitApprovalAsync(ct).ConfigureAwait(false)
                && await ShiftAsync(ct).ConfigureAwait(false)
                && await BakeAsync(ct).ConfigureAwait(false)
                && await FinishAsync(ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues a release saved by a control plane that stopped without finishing it. Traffic already moved stays
    /// where the saved state says; checks that may have been cut half way (health gate, hooks) are not trusted, so a
    /// release interrupted before any production traffic moved is rolled back; an accepted abort is carried out.
    /// </summary>
    public async Task<ReleaseState> ResumeAsync(CancellationToken cancellationToken)
    {
        var release = Current;
        await AuditAsync(EngineActor, "release.resumed", $"control plane restarted; the release was at {Describe(release)}", cancellationToken).ConfigureAwait(false);
        if (release.AbortRequested is { } abort)
        {
            _abort = abort;
        }

        return await GuardAsync(
            async ct =>
            {
                if (_abort is not null)
                {
                    return await RollBackFromAbortAsync(ct).ConfigureAwait(false);
                }

                switch (release.Phase)
                {
                    case ReleasePhase.Provisioning or ReleasePhase.HealthGate or ReleasePhase.PreTraffic:
                        await RollBackAsync(EngineActor, $"the control plane restarted during {Describe(release.Phase)}; a check cut half way is not trusted", failed: false, ct).ConfigureAwait(false);
                        return false;
                    case ReleasePhase.RollingBack:
                        await RollBackAsync(EngineActor, release.Reason ?? "rollback interrupted by a restart", failed: false, ct).ConfigureAwait(false);
                        return false;
                    case ReleasePhase.AwaitingApproval:
                        return await AwaitApprovalAsync(ct).ConfigureAwait(false)
                            && await ShiftAsync(ct).ConfigureAwait(false)
                            && await BakeAsync(ct).ConfigureAwait(false)
                            && await FinishAsync(ct).ConfigureAwait(false);
                    case ReleasePhase.Shifting:
                        return await ShiftAsync(ct).ConfigureAwait(false)
                            && await BakeAsync(ct).ConfigureAwait(false)
                            && await FinishAsync(ct).ConfigureAwait(false);
                    case ReleasePhase.Baking:
                        return await BakeAsync(ct).ConfigureAwait(false) && await FinishAsync(ct).ConfigureAwait(false);
                    case ReleasePhase.Finishing:
                        return await FinishAsync(ct).ConfigureAwait(false);
                    default:
                        return false;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReleaseState> GuardAsync(Func<CancellationToken, Task<bool>> phases, CancellationToken cancellationToken)
    {
        try
        {
            await phases(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (_abort is not null)
        {
            // A step given up for an abort (an unsaved transition while the disk was full) ends in the rollback it asked for.
            await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any bug or port failure must still put traffic back on the old version.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await RollBackAsync(EngineActor, $"unexpected error in {Current.Phase}: {ex.Message}", failed: true, cancellationToken).ConfigureAwait(false);
        }

        return Current;
    }

    /// <summary>Applies an operator's command, audited with its caller. Refused (not thrown) when it makes no sense now.</summary>
    public async Task<CommandOutcome> SendAsync(ReleaseCommand command, string actor, CancellationToken cancellationToken)
    {
        await _stateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        CommandOutcome outcome;
        try
        {
            outcome = await ApplyCommandAsync(command, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _stateGate.Release();
        }

        if (outcome.Accepted)
        {
            Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();
        }

        return outcome;
    }

    private async Task<CommandOutcome> ApplyCommandAsync(ReleaseCommand command, string actor, CancellationToken cancellationToken)
    {
        var state = _state;
        if (state.IsTerminal || state.Phase is ReleasePhase.RollingBack or ReleasePhase.Finishing || _abort is not null)
        {
            return CommandOutcome.Refused($"release {state.Id} is {Describe(state.Phase)}; {command.ToString().ToLowerInvariant()} no longer applies");
        }

        switch (command)
        {
            case ReleaseCommand.Abort:
                // Accepted in memory first: the engine carries it out even if it cannot be saved (a full disk), and
                // saves it as soon as it can. Rolling back is always safe; leaving an abort half applied is not.
                RequestAbort(actor, "aborted by operator");
                var full = await TrySaveLockedAsync(state with { AbortRequested = new AbortRequest(actor, "aborted by operator") }, cancellationToken).ConfigureAwait(false);
                await AuditAsync(actor, "command.abort", $"abort requested at {Describe(state)}", cancellationToken).ConfigureAwait(false);
                await _abortSource.CancelAsync().ConfigureAwait(false);
                var unsaved = full is null ? string.Empty : $" ({full.Message}: the abort is not saved yet; the rollback saves it once there is space)";
                return CommandOutcome.Ok("abort accepted: traffic is going back to " + (state.PreviousVersion ?? "the old version") + unsaved);

            case ReleaseCommand.Pause when state.Paused:
                return CommandOutcome.Refused("release is already paused");
            case ReleaseCommand.Pause when state.Phase is not (ReleasePhase.Shifting or ReleasePhase.Baking or ReleasePhase.AwaitingApproval):
                return CommandOutcome.Refused($"only shifting or baking can be paused; the release is {Describe(state.Phase)}");
            case ReleaseCommand.Pause:
                if (await TrySaveLockedAsync(state with { Paused = true }, cancellationToken).ConfigureAwait(false) is { } pauseFull)
                {
                    return NotSaved(pauseFull, "pause");
                }

                await AuditAsync(actor, "command.pause", $"paused at {Describe(state)}", cancellationToken).ConfigureAwait(false);
                return CommandOutcome.Ok($"paused at {Describe(state)}");

            case ReleaseCommand.Resume when !state.Paused:
                return CommandOutcome.Refused("release is not paused");
            case ReleaseCommand.Resume:
                if (await TrySaveLockedAsync(state with { Paused = false }, cancellationToken).ConfigureAwait(false) is { } resumeFull)
                {
                    return NotSaved(resumeFull, "resume");
                }

                await AuditAsync(actor, "command.resume", $"resumed at {Describe(state)}", cancellationToken).ConfigureAwait(false);
                return CommandOutcome.Ok($"resumed at {Describe(state)}");

            case ReleaseCommand.Promote when state.Phase is not (ReleasePhase.AwaitingApproval or ReleasePhase.Shifting or ReleasePhase.Baking):
                return CommandOutcome.Refused($"nothing to promote while the release is {Describe(state.Phase)}");
            case ReleaseCommand.Promote:
                if (state.Paused && await TrySaveLockedAsync(state with { Paused = false }, cancellationToken).ConfigureAwait(false) is { } promoteFull)
                {
                    return NotSaved(promoteFull, "promote");
                }

                _promoteRequested = true;
                var what = state.Phase == ReleasePhase.AwaitingApproval ? "approved" : "remaining steps skipped";
                await AuditAsync(actor, "command.promote", $"{what} at {Describe(state)}", cancellationToken).ConfigureAwait(false);
                return CommandOutcome.Ok(what);

            default:
                return CommandOutcome.Refused($"unknown command {command}");
        }
    }

    private static CommandOutcome NotSaved(Exception full, string command) =>
        CommandOutcome.Unsaved($"{full.Message}: {command} was not saved and nothing changed; free space there and send it again");

    public void Dispose()
    {
        _stateGate.Dispose();
        _auditGate.Dispose();
        _abortSource.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Describe(ReleasePhase phase) => phase switch
    {
        ReleasePhase.HealthGate => "waiting for health checks",
        ReleasePhase.PreTraffic => "running pre-traffic hooks",
        ReleasePhase.AwaitingApproval => "waiting for approval",
        ReleasePhase.RollingBack => "rolling back",
        ReleasePhase.RolledBack => "rolled back",
        _ => phase.ToString().ToLowerInvariant(),
    };

    private static string Describe(ReleaseState state) => state.Phase == ReleasePhase.Shifting
        ? $"step {state.StepIndex + 1}/{state.Steps.Count} ({state.NewWeightPercent}% on {state.Version})"
        : Describe(state.Phase);
}
