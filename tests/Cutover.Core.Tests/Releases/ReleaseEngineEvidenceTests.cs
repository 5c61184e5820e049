using Cutover.Core.Alarms;
using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Testing.Fakes;

namespace Cutover.Core.Tests.Releases;

/// <summary>Never promote blind (issue 10): no step, no promotion, no commit without fresh evidence and healthy instances.</summary>
public sealed class ReleaseEngineEvidenceTests
{
    private static readonly ReleaseSpec ShortHold = new()
    {
        AlarmDataTimeout = TimeSpan.FromSeconds(5),
        BakeTime = TimeSpan.FromSeconds(5),
        TerminationWait = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task RunAsync_MetricsStoreStopsAnsweringMidCanary_HoldsTheStepThenRollsBackAsInconclusive()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);

        h.Alarms.Freeze("v2");
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromMinutes(1));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith("inconclusive: error-rate not evaluated on fresh data");
        h.Router.WeightHistory.Max(w => ReleaseHarness.NewShare(w, "v2")).ShouldBeLessThanOrEqualTo(10.0 + 0.5);
        h.Store.Audit.ShouldContain(a => a.Event == "evidence.missing" && a.Detail.Contains("step 2/5", StringComparison.Ordinal));
        h.Store.Audit.ShouldNotContain(a => a.Event == "release.committed");
    }

    [Fact]
    public async Task RunAsync_MetricsStoreAnswersAgainWithinTheHoldLimit_ContinuesAndSucceeds()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold with { AlarmDataTimeout = TimeSpan.FromSeconds(30) });
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);
        h.Alarms.Freeze("v2");
        await h.AdvanceUntilAsync(_ => h.Store.Audit.Any(a => a.Event == "evidence.missing"), TimeSpan.FromMinutes(1));
        var held = h.Engine.Current.StepIndex;

        h.Alarms.Thaw("v2");
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        held.ShouldBe(1);
        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "evidence.fresh");
    }

    [Fact]
    public async Task RunAsync_MetricsStoreStopsAnsweringDuringBake_IsNeverCommitted()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Baking);

        h.Alarms.Freeze("v2");
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromMinutes(1));

        (await run).Phase.ShouldBe(ReleasePhase.RolledBack);
        h.Store.Audit.ShouldNotContain(a => a.Event == "release.committed");
    }

    [Fact]
    public async Task RunAsync_DeclaredRollbackAlarmNeverTracked_IsMissingEvidenceNotAPass()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, ShortHold, configure: s => s with { RollbackAlarms = ["error-rate", "memory"] });
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromMinutes(1));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith("inconclusive: memory not evaluated on fresh data");
    }

    [Fact]
    public async Task RunAsync_PromoteWhileTheMetricsStoreIsDown_DoesNotSkipToCommit()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        h.Alarms.Freeze("v2");
        h.Time.Advance(TimeSpan.FromSeconds(5));

        (await h.Engine.SendAsync(ReleaseCommand.Promote, "bob", CancellationToken.None)).Accepted.ShouldBeTrue();
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromMinutes(1));

        (await run).Phase.ShouldBe(ReleasePhase.RolledBack);
        h.Store.Audit.ShouldNotContain(a => a.Event == "release.committed");
    }

    [Fact]
    public async Task RunAsync_NewInstanceFreezesMidCanary_RollsBackThroughTheHealthRuleWithoutAdvancing()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);
        var frozen = h.Engine.Current.NewInstances[0];

        h.Runtime.ProbeByInstance[frozen.Id] = ProbeResult.Fail("/health/ready did not answer within 2s");
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromSeconds(30));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason.ShouldBe($"{frozen.Id} of v2 is unhealthy: /health/ready did not answer within 2s (2 failed check(s) in a row, threshold 2)");
        h.Store.Audit.Single(a => a.Event == "rollback.started").Actor.ShouldBe("rule:health");
        h.Router.WeightHistory.Max(w => ReleaseHarness.NewShare(w, "v2")).ShouldBeLessThanOrEqualTo(10.0 + 0.5);
    }

    [Fact]
    public async Task RunAsync_NewInstanceUnhealthyAtTheEndOfAPause_DoesNotAdvanceTheStep()
    {
        // One failed probe is below the watch's threshold (2), yet the step must not advance on it.
        var spec = ShortHold with { Canary = new CanarySpec { Steps = [new(5, TimeSpan.FromSeconds(3)), new(50, TimeSpan.FromSeconds(3)), new(100, TimeSpan.Zero)] } };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, spec, configure: s => s with { HealthCheck = s.HealthCheck with { UnhealthyThreshold = 1000 } });
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        var instance = h.Engine.Current.NewInstances[1];

        h.Runtime.ProbeByInstance[instance.Id] = ProbeResult.Fail("/health/ready answered 503");
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromMinutes(1));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith($"inconclusive: unhealthy: {instance.Id}: /health/ready answered 503");
        h.Router.WeightHistory.Max(w => ReleaseHarness.NewShare(w, "v2")).ShouldBeLessThanOrEqualTo(5.0 + 0.5);
    }

    [Fact]
    public async Task RunAsync_NewInstanceExits_RollsBackAtTheFirstProbe()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        var dead = h.Engine.Current.NewInstances[0];

        h.Runtime.ProbeByInstance[dead.Id] = ProbeResult.Exited(137);
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromSeconds(30));

        (await run).Reason!.ShouldContain("process exited with code 137 (1 failed check(s) in a row");
        h.Router.WeightHistory.Max(w => ReleaseHarness.NewShare(w, "v2")).ShouldBeLessThanOrEqualTo(5.0 + 0.5);
    }
}
