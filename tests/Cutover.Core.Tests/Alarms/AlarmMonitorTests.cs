using Cutover.Core.Alarms;
using Cutover.Testing;

namespace Cutover.Core.Tests.Alarms;

public sealed class AlarmMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void Track_NewScope_StartsEveryAlarmInInsufficientData()
    {
        var monitor = new AlarmMonitor(DefaultAlarms.Create(), _clock);

        monitor.Track("v2");

        monitor.States.Count.ShouldBe(5);
        monitor.States.ShouldAllBe(s => s.State == AlarmState.InsufficientData && s.Scope == "v2" && s.Since == Start);
        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.InsufficientData);
        monitor.Transitions.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_BreachingDatapoints_RecordsOneTransitionWithTheClocksTime()
    {
        var monitor = new AlarmMonitor([Alarm()], _clock);
        monitor.Track("v2");

        var transitions = new List<AlarmTransition>();
        foreach (var value in new[] { 0.2, 0.18, 0.3, 0.25 })
        {
            _clock.Advance(Period);
            transitions.AddRange(monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), value)));
        }

        var transition = transitions.ShouldHaveSingleItem();
        monitor.Transitions.ShouldBe([transition]);
        (transition.Alarm, transition.Scope, transition.From, transition.To).ShouldBe(("error-rate", "v2", AlarmState.InsufficientData, AlarmState.Alarm));
        transition.At.ShouldBe(Start.AddSeconds(4));
        transition.Reason.ShouldBe(
            "Threshold Crossed: 2 out of the last 2 datapoints [0.2 (12:00:02), 0.18 (12:00:04)] were greater than the threshold (0.01)");
        transition.Values.Select(d => d.Value).ShouldBe([0.2, 0.18]);
        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.Alarm);
        monitor.Firing("v2").ShouldHaveSingleItem().Since.ShouldBe(Start.AddSeconds(4));
    }

    [Fact]
    public void Observe_ValuesRecover_TransitionsBackToOk()
    {
        var monitor = new AlarmMonitor([Alarm()], _clock);

        foreach (var value in new[] { 0.2, 0.2, 0.2, 0.0, 0.0, 0.0 })
        {
            _clock.Advance(Period);
            monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), value));
        }

        monitor.Transitions.Select(t => (t.From, t.To, t.At)).ShouldBe(
        [
            (AlarmState.InsufficientData, AlarmState.Alarm, Start.AddSeconds(4)),
            (AlarmState.Alarm, AlarmState.Ok, Start.AddSeconds(10)),
        ]);
        monitor.Transitions[^1].Reason.ShouldBe(
            "Threshold Crossed: 2 datapoints [0 (12:00:08), 0 (12:00:10)] were not greater than the threshold (0.01)");
        monitor.Firing("v2").ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_DataStops_GoesToInsufficientDataWhenTheRangeIsEmpty()
    {
        var monitor = new AlarmMonitor([Alarm()], _clock);
        foreach (var value in new[] { 0.0, 0.0, 0.0 })
        {
            _clock.Advance(Period);
            monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), value));
        }

        _clock.Advance(Period * 4);
        monitor.Evaluate().ShouldBeEmpty();
        _clock.Advance(Period);
        var transition = monitor.Evaluate().ShouldHaveSingleItem();

        (transition.From, transition.To, transition.At).ShouldBe((AlarmState.Ok, AlarmState.InsufficientData, Start.AddSeconds(16)));
        transition.Reason.ShouldBe("Insufficient Data: no datapoints were received for 5 periods");
        monitor.Evaluate().ShouldBeEmpty();
        monitor.Transitions.Count.ShouldBe(2);
    }

    [Fact]
    public void Observe_TwoScopes_JudgesEachOnItsOwnData()
    {
        var monitor = new AlarmMonitor([Alarm()], _clock);

        foreach (var (stable, canary) in new[] { (0.0, 0.3), (0.001, 0.2), (0.0, 0.4) })
        {
            _clock.Advance(Period);
            monitor.Observe("error-rate", "v1", new Datapoint(_clock.GetUtcNow(), stable));
            monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), canary));
        }

        monitor.Scopes.ShouldBe(["v1", "v2"]);
        monitor.GetState("error-rate", "v1").ShouldBe(AlarmState.Ok);
        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.Alarm);
        monitor.Firing("v1").ShouldBeEmpty();
        monitor.Firing("v2").ShouldHaveSingleItem().Alarm.Rollback.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_BreachingTreatmentOnANewScope_WaitsForNPeriodsBeforeAlarming()
    {
        var monitor = new AlarmMonitor([Alarm() with { TreatMissingData = TreatMissingData.Breaching }], _clock);
        monitor.Track("v2");

        monitor.Evaluate().ShouldBeEmpty();
        _clock.Advance(Period);
        monitor.Evaluate().ShouldBeEmpty();
        _clock.Advance(Period);
        var transition = monitor.Evaluate().ShouldHaveSingleItem();

        (transition.To, transition.At).ShouldBe((AlarmState.Alarm, Start.AddSeconds(4)));
        transition.Reason.ShouldBe("Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching]");
    }

    [Fact]
    public void Observe_OddData_NeverThrowsAndCountsAsMissing()
    {
        var monitor = new AlarmMonitor([Alarm()], _clock);

        foreach (var value in new[] { double.NaN, double.PositiveInfinity, double.NaN })
        {
            _clock.Advance(Period);
            monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), value)).ShouldBeEmpty();
        }

        monitor.Observe("error-rate", "v2", new Datapoint(DateTimeOffset.MinValue, 5)).ShouldBeEmpty();
        monitor.Observe("error-rate", "v2", new Datapoint(DateTimeOffset.MaxValue, 5)).ShouldBeEmpty();
        monitor.Observe("no-such-alarm", "v2", new Datapoint(_clock.GetUtcNow(), 5)).ShouldBeEmpty();
        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.InsufficientData);
        monitor.GetState("no-such-alarm", "v2").ShouldBe(AlarmState.InsufficientData);
        monitor.States.ShouldHaveSingleItem().Reason.ShouldBe("Insufficient Data: no datapoints were received for 3 periods");
    }

    [Fact]
    public void Observe_SamePeriodTwice_TheLaterValueWins()
    {
        var monitor = new AlarmMonitor([Alarm() with { EvaluationPeriods = 1, DatapointsToAlarm = 1 }], _clock);
        _clock.Advance(Period);
        var periodEnd = _clock.GetUtcNow();

        monitor.Observe("error-rate", "v2", new Datapoint(periodEnd, 0.5));
        monitor.Observe("error-rate", "v2", new Datapoint(periodEnd, 0));
        monitor.Observe("error-rate", "v2", new Datapoint(periodEnd, null));

        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.Ok);
        monitor.Transitions.Select(t => t.To).ShouldBe([AlarmState.Alarm, AlarmState.Ok]);
    }

    [Fact]
    public void Untrack_Scope_RemovesItsStatesAndKeepsItsHistory()
    {
        var monitor = new AlarmMonitor([Alarm() with { EvaluationPeriods = 1, DatapointsToAlarm = 1 }], _clock);
        _clock.Advance(Period);
        monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), 0.5));

        monitor.Untrack("v2");

        monitor.Scopes.ShouldBeEmpty();
        monitor.States.ShouldBeEmpty();
        monitor.Transitions.ShouldHaveSingleItem().Scope.ShouldBe("v2");
        monitor.Evaluate().ShouldBeEmpty();
    }

    [Fact]
    public void Track_ScopeTwice_KeepsItsState()
    {
        var monitor = new AlarmMonitor([Alarm() with { EvaluationPeriods = 1, DatapointsToAlarm = 1 }], _clock);
        _clock.Advance(Period);
        monitor.Observe("error-rate", "v2", new Datapoint(_clock.GetUtcNow(), 0.5));

        monitor.Track("v2");

        monitor.GetState("error-rate", "v2").ShouldBe(AlarmState.Alarm);
    }

    [Fact]
    public void Constructor_InvalidAlarms_Throws()
    {
        Should.Throw<ArgumentException>(() => new AlarmMonitor([Alarm(), Alarm()], _clock)).Message.ShouldContain("two alarms are named error-rate");
        Should.Throw<ArgumentException>(() => new AlarmMonitor([Alarm() with { DatapointsToAlarm = 4 }], _clock));
        Should.Throw<ArgumentNullException>(() => new AlarmMonitor([Alarm()], null!));
    }

    private static AlarmSpec Alarm() => DefaultAlarms.Create()[0];
}
