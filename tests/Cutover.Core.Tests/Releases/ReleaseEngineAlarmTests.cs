using Cutover.Core.Alarms;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Testing.Fakes;

namespace Cutover.Core.Tests.Releases;

public sealed class ReleaseEngineAlarmTests
{
    private const string Crossed = "Threshold Crossed: 2 out of the last 3 datapoints [0.2 (12:00:04), 0.21 (12:00:06)] were greater than the threshold (0.01)";

    [Fact]
    public async Task RunAsync_RollbackAlarmFiresMidCanary_RollsBackNamingTheAlarmItsValuesAndTheStep()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting && s.StepIndex == 1);

        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Alarm, Crossed);
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromSeconds(2));
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason.ShouldBe($"alarm error-rate is in ALARM for v2: {Crossed}");
        var started = h.Store.Audit.Single(a => a.Event == "rollback.started");
        started.Actor.ShouldBe("alarm:error-rate");
        started.Detail.ShouldContain("step 2/5 (10% on v2)");
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
        h.Runtime.Running.ShouldAllBe(i => i.Version == "v1");
    }

    [Fact]
    public async Task RunAsync_RollbackAlarmFiresWhilePaused_StillRollsBack()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        await h.Engine.SendAsync(ReleaseCommand.Pause, "bob", CancellationToken.None);

        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Alarm, Crossed);
        await h.AdvanceUntilAsync(s => s.IsTerminal, TimeSpan.FromSeconds(2));

        (await run).Phase.ShouldBe(ReleasePhase.RolledBack);
    }

    [Fact]
    public async Task RunAsync_NonRollbackAlarmInAlarm_DoesNotStopTheRelease()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        var warning = FakeAlarmStatusSource.ErrorRate with { Name = "latency-p50", Rollback = false, Severity = AlarmSeverity.Warning };
        h.Alarms.Set("v2", warning, AlarmState.Alarm, Crossed);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
    }

    [Fact]
    public async Task RunAsync_RollbackAlarmWithoutData_HoldsTheStepUntilDataArrives()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.InsufficientData);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.Phase == ReleasePhase.Shifting);
        for (var i = 0; i < 80; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            h.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var held = h.Engine.Current;
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.Ok);
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        held.StepIndex.ShouldBe(0);
        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "alarm.insufficient-data" && a.Detail.StartsWith("error-rate have no data for v2 at step 1/5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RollbackAlarmWithoutDataPastTheTimeout_RollsBackAsInconclusive()
    {
        var spec = new ReleaseSpec { AlarmDataTimeout = TimeSpan.FromSeconds(5), BakeTime = TimeSpan.Zero };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, spec);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.InsufficientData);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith("inconclusive: error-rate had no data for v2 for 5s");
        h.Store.Audit.Single(a => a.Event == "rollback.started").Actor.ShouldBe("rule:alarm-data");
    }

    [Fact]
    public async Task RunAsync_RollbackAlarmWithoutDataAndProceedPolicy_SucceedsAndRecordsTheGap()
    {
        var spec = new ReleaseSpec { InsufficientAlarmData = InsufficientDataPolicy.Proceed, BakeTime = TimeSpan.Zero };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, spec);
        h.Alarms.Set("v2", FakeAlarmStatusSource.ErrorRate, AlarmState.InsufficientData);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "alarm.insufficient-data" && a.Detail.Contains("proceeding", StringComparison.Ordinal));
    }
}
