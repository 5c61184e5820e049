using Cutover.Core.Alarms;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Testing.Fakes;

namespace Cutover.Core.Tests.Releases;

/// <summary>A full disk is an expected failure (issue 10): no unsaved step forward, commands never half applied, nothing lost.</summary>
public sealed class ReleaseEngineDiskFullTests
{
    private const string StatePath = "/state/cutover.db";

    private static readonly ReleaseSpec ShortHold = new()
    {
        AlarmDataTimeout = TimeSpan.FromMinutes(10),
        BakeTime = TimeSpan.FromSeconds(5),
        TerminationWait = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task RunAsync_DiskFillsMidCanary_HoldsTheStepThenContinuesOnceSavedWithNoAuditEntryLost()
    {
        var (h, run) = await AtSecondStepAsync();
        using var harness = h;

        h.Store.FullAt = StatePath;
        await h.AdvanceUntilAsync(s => s.Unsaved is not null);
        var shiftsBefore = h.Router.WeightHistory.Count;
        // A minute of (fake) time is many step pauses: without the hold the canary would be at 100% by now.
        await h.AdvanceUntilAsync(_ => false, TimeSpan.FromMinutes(1)).ShouldThrowAsync<TimeoutException>();
        var held = h.Engine.Current;
        var weightsWhileFull = h.Router.WeightHistory.Skip(shiftsBefore).ToList();

        h.Store.FullAt = null;
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        held.StepIndex.ShouldBe(1);
        held.Unsaved!.ShouldContain($"disk full at {StatePath}");
        held.Unsaved!.ShouldContain("holding at step 2/5");
        weightsWhileFull.ShouldBeEmpty();
        result.Phase.ShouldBe(ReleasePhase.Succeeded);
        result.Unsaved.ShouldBeNull();
        h.Store.LastSaved!.Phase.ShouldBe(ReleasePhase.Succeeded);
        var events = h.Store.Audit.Select(a => a.Event).ToList();
        events.ShouldContain("storage.full");
        events.ShouldContain("storage.recovered");
        events.IndexOf("storage.full").ShouldBeLessThan(events.IndexOf("storage.recovered"));
        events.Count(e => e == "traffic.shifted").ShouldBe(5);
        events.Last().ShouldBe("release.succeeded");
    }

    [Fact]
    public async Task SendAsync_AbortWhileTheDiskIsFull_IsCarriedOutAtOnceAndSavedOnceThereIsSpace()
    {
        var (h, run) = await AtSecondStepAsync();
        using var harness = h;
        h.Store.FullAt = StatePath;

        var outcome = await h.Engine.SendAsync(ReleaseCommand.Abort, "operator", CancellationToken.None);
        await h.AdvanceUntilAsync(_ => h.Runtime.Stopped.Any(id => id.StartsWith("v2-", StringComparison.Ordinal)));
        var whileFull = h.Engine.Current;
        var savedWhileFull = h.Store.LastSaved!;

        h.Store.FullAt = null;
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        outcome.Accepted.ShouldBeTrue();
        outcome.Message.ShouldContain($"disk full at {StatePath}");
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
        whileFull.Phase.ShouldBe(ReleasePhase.RollingBack);
        whileFull.Unsaved!.ShouldContain($"disk full at {StatePath}: traffic is back on v1");
        savedWhileFull.Phase.ShouldBe(ReleasePhase.Shifting);
        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason.ShouldBe("aborted by operator");
        h.Store.LastSaved!.Phase.ShouldBe(ReleasePhase.RolledBack);
        h.Store.Audit.Select(a => a.Event).ShouldContain("command.abort");
        h.Store.Audit[^1].Event.ShouldBe("release.rolled-back");
    }

    [Fact]
    public async Task RunAsync_AlarmFiresWhileTheDiskIsFull_GivesTheHeldStepUpAndRollsBack()
    {
        var (h, run) = await AtSecondStepAsync();
        using var harness = h;
        h.Store.FullAt = StatePath;
        await h.AdvanceUntilAsync(s => s.Unsaved is not null);

        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Alarm);
        await h.AdvanceUntilAsync(_ => ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2") == 0, TimeSpan.FromSeconds(10));
        h.Store.FullAt = null;
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        var result = await run;
        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldContain("error-rate");
        h.Router.WeightHistory.Max(w => ReleaseHarness.NewShare(w, "v2")).ShouldBeLessThanOrEqualTo(10.0 + 0.5);
    }

    [Fact]
    public async Task SendAsync_PauseWhileTheDiskIsFull_IsRefusedAsNotSavedAndChangesNothing()
    {
        var (h, run) = await AtSecondStepAsync();
        using var harness = h;
        h.Store.FullAt = StatePath;

        var refused = await h.Engine.SendAsync(ReleaseCommand.Pause, "operator", CancellationToken.None);
        var afterRefusal = h.Engine.Current.Paused;
        h.Store.FullAt = null;
        var accepted = await h.Engine.SendAsync(ReleaseCommand.Pause, "operator", CancellationToken.None);

        refused.Accepted.ShouldBeFalse();
        refused.NotSaved.ShouldBeTrue();
        refused.Message.ShouldContain($"disk full at {StatePath}: pause was not saved");
        afterRefusal.ShouldBeFalse();
        accepted.Accepted.ShouldBeTrue();
        h.Store.LastSaved!.Paused.ShouldBeTrue();
        await h.Engine.SendAsync(ReleaseCommand.Abort, "operator", CancellationToken.None);
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        (await run).Phase.ShouldBe(ReleasePhase.RolledBack);
    }

    /// <summary>A canary of v2 with healthy alarms, running and held at its second step (10%).</summary>
    private static async Task<(ReleaseHarness Harness, Task<ReleaseState> Run)> AtSecondStepAsync()
    {
        var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, ShortHold);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);
        return (h, run);
    }
}
