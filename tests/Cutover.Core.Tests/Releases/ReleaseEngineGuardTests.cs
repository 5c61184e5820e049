using Cutover.Core.Guard;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;

namespace Cutover.Core.Tests.Releases;

/// <summary>The fail-fast guard inside the release: load-balancer counts in, a rollback out, never a promotion.</summary>
public sealed class ReleaseEngineGuardTests
{
    [Fact]
    public async Task RunAsync_CanaryFailingAFifthOfItsRequests_IsRolledBackByTheGuardAtTheFirstStepWithItsCounts()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.RequestCounts.SetErrorRate("v2", 0.2);
        h.RequestCounts.SetErrorRate("v1", 0.005);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        var shiftedAt = h.Time.GetUtcNow();

        // 5% of 200 requests a read: the canary has 10 a read and fails 2 of them.
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.RollingBack, TimeSpan.FromSeconds(1.5));
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason.ShouldStartWith("the fail-fast guard judged v2 worse than v1: canary ");
        var verdict = h.Store.Audit.Single(a => a.Event == "guard.canary-worse");
        verdict.Actor.ShouldBe("rule:guard");
        verdict.Detail.ShouldMatch(@"^canary [0-9]+/[0-9]+ errors \(20\.00%\), baseline [0-9]+/[0-9]+ \([0-9.]+%\), log-likelihood ratio [0-9.]+ of 6\.91$");
        h.Store.Audit.Single(a => a.Event == "rollback.started").Actor.ShouldBe("rule:guard");
        (verdict.At - shiftedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1.5));
        result.StepIndex.ShouldBe(0);
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_CanaryAsGoodAsTheBaseline_IsNeverRolledBackByTheGuard()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.RequestCounts.SetErrorRate("v2", 0.02);
        h.RequestCounts.SetErrorRate("v1", 0.02);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "guard.watching" && a.Actor == "rule:guard");
        h.Store.Audit.ShouldNotContain(a => a.Event == "guard.canary-worse");
        h.RequestCounts.Reads.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task RunAsync_NoTraffic_GuardStaysInconclusiveAndNeitherRollsBackNorSpeaks()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.RequestCounts.RequestsPerRead = 0;
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldNotContain(a => a.Actor == "rule:guard");
        h.RequestCounts.Reads.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task RunAsync_GuardSwitchedOff_ReadsNoCountsAndLeavesAFailingCanaryToTheAlarms()
    {
        var spec = new ReleaseSpec
        {
            BakeTime = TimeSpan.FromSeconds(5),
            TerminationWait = TimeSpan.FromSeconds(3),
            Guard = new FailFastGuardSpec { Enabled = false },
        };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, spec);
        h.RequestCounts.SetErrorRate("v2", 0.2);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.RequestCounts.Reads.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_BlueGreen_TheGuardHasNoSplitToCompareAndNeverDecides()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen);
        h.RequestCounts.SetErrorRate("v2", 0.2);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        // All traffic moves at once: the old version answers nothing to compare with, so the alarms are the judges.
        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldNotContain(a => a.Actor == "rule:guard");
    }
}
