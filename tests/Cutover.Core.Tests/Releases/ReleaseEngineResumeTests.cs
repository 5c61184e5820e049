using Cutover.Core.Manifest;
using Cutover.Core.Releases;

namespace Cutover.Core.Tests.Releases;

public sealed class ReleaseEngineResumeTests
{
    [Fact]
    public async Task ResumeAsync_SavedMidCanary_ContinuesFromTheSavedStep()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, saved: async (harness, state) => state with
        {
            Phase = ReleasePhase.Shifting,
            StepIndex = 2,
            NewWeightPercent = 25,
            NewInstances = await harness.StartRoutedAsync("v2"),
        });
        var resume = h.Resume();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await resume;

        result.Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Router.WeightHistory.Select(w => Math.Round(ReleaseHarness.NewShare(w, "v2"))).ShouldBe([25, 50, 100]);
        h.Store.Audit[0].Event.ShouldBe("release.resumed");
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v2");
    }

    [Fact]
    public async Task ResumeAsync_AbortAcceptedBeforeTheCrash_RollsBackAndNamesWhoAsked()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, saved: async (harness, state) => state with
        {
            Phase = ReleasePhase.Shifting,
            StepIndex = 3,
            NewWeightPercent = 50,
            NewInstances = await harness.StartRoutedAsync("v2"),
            AbortRequested = new AbortRequest("alice", "aborted by operator"),
        });
        var resume = h.Resume();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await resume;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
        h.Store.Audit.ShouldContain(a => a.Event == "release.rolled-back" && a.Actor == "alice");
    }

    [Fact]
    public async Task ResumeAsync_SavedDuringHealthGate_RollsBackWithoutMovingTraffic()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, saved: async (harness, state) => state with
        {
            Phase = ReleasePhase.HealthGate,
            NewInstances = [await harness.Runtime.StartAsync("v2", CancellationToken.None)],
        });
        var resume = h.Resume();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await resume;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldContain("restarted during waiting for health checks");
        h.Router.WeightHistory.ShouldAllBe(w => ReleaseHarness.NewShare(w, "v2") == 0);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
    }

    [Fact]
    public async Task SendAsync_Abort_IsSavedBeforeTheRollbackBegins()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        h.Router.OnSetWeights = _ => h.Store.LastSaved!.AbortRequested.ShouldNotBeNull();

        await h.Engine.SendAsync(ReleaseCommand.Abort, "bob", CancellationToken.None);
        var saved = await h.Store.GetReleaseAsync("r1", CancellationToken.None);
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        await run;

        saved!.AbortRequested.ShouldBe(new AbortRequest("bob", "aborted by operator"));
    }
}
