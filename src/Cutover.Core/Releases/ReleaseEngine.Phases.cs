using Cutover.Core.Alarms;
using Cutover.Core.Hooks;
using Cutover.Core.Manifest;
using Cutover.Core.Instances;
using Cutover.Core.Routing;

namespace Cutover.Core.Releases;

/// <summary>The phases of a release, in the order they run. Each returns false when the release ended early.</summary>
public sealed partial class ReleaseEngine
{
    private async Task<bool> ProvisionAsync(CancellationToken cancellationToken)
    {
        await TransitionAsync(s => s with { Phase = ReleasePhase.Provisioning }, cancellationToken).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abortSource.Token);
        try
        {
            for (var i = Current.NewInstances.Count; i < _settings.Instances; i++)
            {
                var instance = await _runtime.StartAsync(Current.Version, linked.Token).ConfigureAwait(false);
                await TransitionAsync(s => s with { NewInstances = [.. s.NewInstances, instance] }, cancellationToken).ConfigureAwait(false);
                await AuditAsync(EngineActor, "instance.started", $"{instance.Id} on port {instance.Port} (pid {instance.ProcessId})", cancellationToken).ConfigureAwait(false);
            }

            await TransitionAsync(s => s with { Phase = ReleasePhase.HealthGate }, cancellationToken).ConfigureAwait(false);
            var ready = await _healthGate.WaitUntilReadyAsync(Current.NewInstances, linked.Token).ConfigureAwait(false);
            if (!ready.Passed)
            {
                await RollBackAsync("rule:health-gate", ready.Detail, failed: true, cancellationToken).ConfigureAwait(false);
                return false;
            }

            foreach (var instance in Current.NewInstances)
            {
                await _router.AddAsync(instance, cancellationToken).ConfigureAwait(false);
            }

            var routed = await _healthGate.WaitUntilRoutedAsync(Current.NewInstances, linked.Token).ConfigureAwait(false);
            if (!routed.Passed)
            {
                await RollBackAsync("rule:health-gate", routed.Detail, failed: true, cancellationToken).ConfigureAwait(false);
                return false;
            }

            await AuditAsync("rule:health-gate", "instances.healthy", $"{Current.NewInstances.Count} instance(s) of {Current.Version} passed {_settings.HealthCheck.Path} and the load balancer's checks; no traffic yet", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (_abort is not null && !cancellationToken.IsCancellationRequested)
        {
            await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RollBackAsync(EngineActor, $"could not start {Current.Version}: {ex.Message}", failed: true, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task<bool> PreTrafficAsync(CancellationToken cancellationToken)
    {
        await TransitionAsync(s => s with { Phase = ReleasePhase.PreTraffic }, cancellationToken).ConfigureAwait(false);
        await _router.SetTestTargetsAsync(Current.NewInstances, cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "test-traffic.on", $"test listener {_settings.TestListener} routes to {Current.Version} only", cancellationToken).ConfigureAwait(false);
        if (Current.Kind == ReleaseKind.Rollback)
        {
            return true;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abortSource.Token);
        foreach (var hook in _settings.Release.PreTrafficHooks)
        {
            await AuditAsync(EngineActor, "hook.started", hook.Name, cancellationToken).ConfigureAwait(false);
            HookResult result;
            try
            {
                result = await _hooks.RunAsync(hook, _settings.TestListener, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abort is not null && !cancellationToken.IsCancellationRequested)
            {
                await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (!result.Passed)
            {
                var reason = $"pre-traffic hook '{hook.Name}' failed with exit code {result.ExitCode}: {result.OutputTail}";
                await AuditAsync($"hook:{hook.Name}", "hook.failed", reason, cancellationToken).ConfigureAwait(false);
                await RollBackAsync($"hook:{hook.Name}", reason, failed: false, cancellationToken).ConfigureAwait(false);
                return false;
            }

            await AuditAsync($"hook:{hook.Name}", "hook.passed", $"exit code 0", cancellationToken).ConfigureAwait(false);
        }

        return _abort is null || await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AwaitApprovalAsync(CancellationToken cancellationToken)
    {
        if (!_settings.Release.ManualApproval || Current.Kind == ReleaseKind.Rollback)
        {
            return true;
        }

        await TransitionAsync(s => s with { Phase = ReleasePhase.AwaitingApproval }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "approval.waiting", $"{Current.Version} passed its hooks; approve with 'cutover promote', or 'cutover abort'", cancellationToken).ConfigureAwait(false);
        var outcome = await HoldAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return outcome != HoldOutcome.Aborted || await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ShiftAsync(CancellationToken cancellationToken)
    {
        var steps = Current.Steps;
        for (var index = Math.Max(Current.StepIndex, 0); index < steps.Count; index++)
        {
            var step = steps[index];
            var stepIndex = index;
            await TransitionAsync(s => s with { Phase = ReleasePhase.Shifting, StepIndex = stepIndex, NewWeightPercent = step.Weight }, cancellationToken).ConfigureAwait(false);
            await ApplyWeightsAsync(step.Weight, Current.NewInstances, cancellationToken).ConfigureAwait(false);
            StartJudging();
            StartAnalysis(cancellationToken);
            StartGuard(cancellationToken);
            StartHealthWatch(cancellationToken);
            await AuditAsync(EngineActor, "traffic.shifted", $"{step.Weight}% of production traffic on {Current.Version} (step {index + 1}/{steps.Count})", cancellationToken).ConfigureAwait(false);

            var outcome = await HoldAsync(step.Pause, cancellationToken).ConfigureAwait(false);
            if (outcome != HoldOutcome.Aborted && await AwaitEvidenceAsync(cancellationToken).ConfigureAwait(false) is var evidence && evidence != HoldOutcome.Elapsed)
            {
                outcome = evidence;
            }

            if (outcome == HoldOutcome.Aborted)
            {
                return await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
            }

            if (outcome == HoldOutcome.Promoted && step.Weight < 100)
            {
                index = steps.Count - 2;
            }
        }

        return true;
    }

    private async Task<bool> BakeAsync(CancellationToken cancellationToken)
    {
        await TransitionAsync(s => s with { Phase = ReleasePhase.Baking }, cancellationToken).ConfigureAwait(false);
        StartJudging();
        StartAnalysis(cancellationToken);
        StartGuard(cancellationToken);
        StartHealthWatch(cancellationToken);
        var bake = Current.Kind == ReleaseKind.Rollback ? TimeSpan.Zero : _settings.Release.BakeTime;
        await AuditAsync(EngineActor, "bake.started", $"100% on {Current.Version}; baking for {bake.TotalSeconds:0.#}s", cancellationToken).ConfigureAwait(false);
        var outcome = await HoldAsync(bake, cancellationToken).ConfigureAwait(false);
        if (outcome != HoldOutcome.Aborted && await AwaitEvidenceAsync(cancellationToken).ConfigureAwait(false) is var evidence && evidence != HoldOutcome.Elapsed)
        {
            outcome = evidence;
        }

        if (outcome == HoldOutcome.Elapsed)
        {
            outcome = await AwaitAnalysisPassAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome != HoldOutcome.Aborted || await RollBackFromAbortAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> FinishAsync(CancellationToken cancellationToken)
    {
        await TransitionAsync(s => s with { Phase = ReleasePhase.Finishing }, cancellationToken).ConfigureAwait(false);
        var release = Current;
        await _router.SetTestTargetsAsync([], cancellationToken).ConfigureAwait(false);
        await WriteWhenStoredAsync(() => _store.SaveDeploymentAsync(new Deployment(release.Version, release.NewInstances, _time.GetUtcNow()), cancellationToken), cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "release.committed", $"{release.Version} now serves production; draining {release.PreviousVersion ?? "nothing"}", cancellationToken).ConfigureAwait(false);

        await Task.Delay(_settings.Shutdown.DeregistrationDelay, _time, cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "old.drained", $"{release.OldInstances.Count} instance(s) of {release.PreviousVersion} drained; stopping after the {_settings.Release.TerminationWait.TotalSeconds:0.#}s termination wait", cancellationToken).ConfigureAwait(false);
        await Task.Delay(_settings.Release.TerminationWait, _time, cancellationToken).ConfigureAwait(false);
        await RetireAsync(release.OldInstances, cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "old.stopped", $"{release.OldInstances.Count} instance(s) of {release.PreviousVersion} stopped", cancellationToken).ConfigureAwait(false);

        await TransitionAsync(s => s with { Phase = ReleasePhase.Succeeded, EndedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(EngineActor, "release.succeeded", $"{release.Version} serves 100% of production traffic", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RollBackFromAbortAsync(CancellationToken cancellationToken)
    {
        var (actor, reason) = _abort ?? new AbortRequest(EngineActor, "aborted");
        await RollBackAsync(actor, reason, failed: false, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>All traffic back to the old version, the new one drained and stopped. Also the end of a failed release.</summary>
    private async Task RollBackAsync(string actor, string reason, bool failed, CancellationToken cancellationToken)
    {
        var at = Current;
        await TransitionAsync(s => s with { Phase = ReleasePhase.RollingBack, Reason = reason, Paused = false }, rollingBack: true, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, "rollback.started", $"{reason} (at {Describe(at)}, {at.NewWeightPercent}% on {at.Version})", cancellationToken).ConfigureAwait(false);

        if (at.NewInstances.Count > 0)
        {
            // Ask the load balancer which new instances it holds: a release that failed its health gate added none.
            var routed = (await _router.GetStateAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
            await ApplyWeightsAsync(0, at.NewInstances.Where(i => routed.Contains(i.Id)).ToList(), cancellationToken).ConfigureAwait(false);
            await _router.SetTestTargetsAsync([], cancellationToken).ConfigureAwait(false);
            await AuditAsync(actor, "traffic.restored", $"100% of production traffic on {at.PreviousVersion ?? "the old version"}", cancellationToken).ConfigureAwait(false);
            if (at.NewWeightPercent > 0)
            {
                await Task.Delay(_settings.Shutdown.DeregistrationDelay, _time, cancellationToken).ConfigureAwait(false);
            }

            await RetireAsync(at.NewInstances, cancellationToken).ConfigureAwait(false);
            await AuditAsync(actor, "new.stopped", $"{at.NewInstances.Count} instance(s) of {at.Version} drained and stopped", cancellationToken).ConfigureAwait(false);
        }

        var end = failed ? ReleasePhase.Failed : ReleasePhase.RolledBack;
        await TransitionAsync(s => s with { Phase = end, EndedAt = _time.GetUtcNow(), NewWeightPercent = 0 }, rollingBack: true, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, failed ? "release.failed" : "release.rolled-back", reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Out of the load balancer, then stopped gracefully (killed only after the stop timeout).</summary>
    private async Task RetireAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        foreach (var instance in instances)
        {
            await _router.RemoveAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(instances.Select(i => _runtime.StopAsync(i, _settings.Shutdown.StopTimeout, cancellationToken))).ConfigureAwait(false);
    }

    private Task ApplyWeightsAsync(int newPercent, IReadOnlyList<InstanceEndpoint> newInstances, CancellationToken cancellationToken)
    {
        var weights = TrafficWeights.Compute(
            Current.OldInstances.Select(i => i.Id).ToList(),
            newInstances.Select(i => i.Id).ToList(),
            newPercent);
        return _router.SetWeightsAsync(weights, cancellationToken);
    }
}
