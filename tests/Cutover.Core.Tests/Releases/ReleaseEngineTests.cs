using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;

namespace Cutover.Core.Tests.Releases;

public sealed class ReleaseEngineTests
{
    [Fact]
    public async Task RunAsync_GoodCanary_ShiftsThroughEveryStepAndStopsOldVersion()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Router.WeightHistory.Select(w => Math.Round(ReleaseHarness.NewShare(w, "v2"))).ShouldBe([5, 10, 25, 50, 100]);
        h.Runtime.Stopped.ShouldBe(h.OldInstances.Select(i => i.Id), ignoreOrder: true);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v2");
        (await h.Store.GetDeploymentAsync(CancellationToken.None))!.Version.ShouldBe("v2");
        h.Store.Audit.Select(a => a.Event).ShouldContain("release.succeeded");
        h.Hooks.Ran.ShouldBe(["smoke"]);
    }

    [Fact]
    public async Task RunAsync_CanaryStep_HoldsForItsPauseBeforeTheNextStep()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);
        var enteredSecondStep = h.Time.GetUtcNow();
        await h.AdvanceUntilAsync(s => s.StepIndex == 2);

        (h.Time.GetUtcNow() - enteredSecondStep).ShouldBeInRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.5));
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        await run;
    }

    [Fact]
    public async Task RunAsync_EveryWeightChange_IsSavedBeforeTheRouterApplies()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var mismatches = new List<string>();
        h.Router.OnSetWeights = weights =>
        {
            var saved = h.Store.LastSaved!;
            var share = Math.Round(ReleaseHarness.NewShare(weights, "v2"));
            if (Math.Abs(share - saved.NewWeightPercent) > 1)
            {
                mismatches.Add($"router got {share}% while the store had {saved.NewWeightPercent}% ({saved.Phase})");
            }
        };
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        await run;

        mismatches.ShouldBeEmpty();
        h.Router.WeightHistory.Count.ShouldBe(5);
    }

    [Fact]
    public async Task RunAsync_BlueGreenWithFailingHook_NeverSendsProductionTrafficToNewVersion()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen);
        h.Hooks.Failing.Add("smoke");
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldContain("pre-traffic hook 'smoke' failed");
        h.Router.WeightHistory.ShouldAllBe(w => ReleaseHarness.NewShare(w, "v2") == 0);
        h.Router.TestTargetHistory[0].ShouldAllBe(id => id.StartsWith("v2-", StringComparison.Ordinal));
        h.Router.TestTargetHistory[^1].ShouldBeEmpty();
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
        h.Store.Audit.ShouldContain(a => a.Event == "rollback.started" && a.Actor == "hook:smoke");
    }

    [Fact]
    public async Task SendAsync_AbortMidCanary_ReturnsAllTrafficToOldVersionAndStopsNewOne()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 2);

        var outcome = await h.Engine.SendAsync(ReleaseCommand.Abort, "alice", CancellationToken.None);
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        outcome.Accepted.ShouldBeTrue();
        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
        h.Router.Weights.Keys.ShouldBe(h.OldInstances.Select(i => i.Id), ignoreOrder: true);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
        h.Store.Audit.ShouldContain(a => a.Event == "command.abort" && a.Actor == "alice" && a.Detail.Contains("step 3/5"));
        h.Store.Audit.ShouldContain(a => a.Event == "release.rolled-back" && a.Actor == "alice");
        (await h.Store.GetDeploymentAsync(CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_VersionThatNeverBecomesHealthy_FailsWithoutMovingTraffic()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.Runtime.ProbeByVersion["v2"] = ProbeResult.Fail("503 Service Unavailable");
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.Failed);
        result.Reason!.ShouldContain("did not pass /health/ready 2 times in a row within 10s");
        result.Reason!.ShouldContain("503 Service Unavailable");
        h.Router.WeightHistory.ShouldAllBe(w => ReleaseHarness.NewShare(w, "v2") == 0);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
    }

    [Fact]
    public async Task RunAsync_VersionThatCrashesAtStart_FailsAtOnce()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.Runtime.ProbeByVersion["v2"] = ProbeResult.Exited(3);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromSeconds(2));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.Failed);
        result.Reason!.ShouldContain("exited with code 3");
    }

    [Fact]
    public async Task SendAsync_Pause_FreezesTheStepUntilResumed()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);

        (await h.Engine.SendAsync(ReleaseCommand.Pause, "bob", CancellationToken.None)).Accepted.ShouldBeTrue();
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            h.Time.Advance(TimeSpan.FromSeconds(5));
        }

        h.Engine.Current.StepIndex.ShouldBe(1);
        h.Engine.Current.Paused.ShouldBeTrue();
        (await h.Engine.SendAsync(ReleaseCommand.Pause, "bob", CancellationToken.None)).Accepted.ShouldBeFalse();

        (await h.Engine.SendAsync(ReleaseCommand.Resume, "bob", CancellationToken.None)).Accepted.ShouldBeTrue();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
    }

    [Fact]
    public async Task SendAsync_PromoteMidCanary_SkipsToFullTraffic()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 0);

        (await h.Engine.SendAsync(ReleaseCommand.Promote, "carol", CancellationToken.None)).Accepted.ShouldBeTrue();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Router.WeightHistory.Select(w => Math.Round(ReleaseHarness.NewShare(w, "v2"))).ShouldBe([5, 100]);
    }

    [Fact]
    public async Task RunAsync_ManualApproval_WaitsForPromoteBeforeAnyProductionTraffic()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, new ReleaseSpec { ManualApproval = true, BakeTime = TimeSpan.Zero });
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.AwaitingApproval);
        h.Time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);

        h.Engine.Current.Phase.ShouldBe(ReleasePhase.AwaitingApproval);
        h.Router.WeightHistory.ShouldBeEmpty();

        await h.Engine.SendAsync(ReleaseCommand.Promote, "dave", CancellationToken.None);
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "command.promote" && a.Detail.StartsWith("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Linear_MovesByTheStepPercentEveryInterval()
    {
        var spec = new ReleaseSpec { Linear = new LinearSpec { StepPercent = 30, Interval = TimeSpan.FromSeconds(2) }, BakeTime = TimeSpan.Zero };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Linear, spec);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Router.WeightHistory.Select(w => Math.Round(ReleaseHarness.NewShare(w, "v2"))).ShouldBe([30, 60, 90, 100]);
    }

    [Fact]
    public async Task SendAsync_AfterRelease_IsRefusedWithTheReason()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        await run;

        var outcome = await h.Engine.SendAsync(ReleaseCommand.Abort, "erin", CancellationToken.None);

        outcome.Accepted.ShouldBeFalse();
        outcome.Message.ShouldContain("succeeded");
    }
}
