using Cutover.Core.Alarms;
using Cutover.Testing;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public void Observe_SteadyMetricThenASpike_GoesToAlarmOutsideTheLearnedBand()
    {
        var monitor = new AlarmMonitor([LatencyBand()], _clock);
        monitor.Track("v2");

        for (var i = 0; i < 30; i++)
        {
            ObserveNext(monitor, i % 2 == 0 ? 4.9 : 5.1);
        }

        ObserveNext(monitor, 9.1).ShouldBeEmpty();
        var transition = ObserveNext(monitor, 9.4).ShouldHaveSingleItem();

        (transition.From, transition.To, transition.At).ShouldBe((AlarmState.Ok, AlarmState.Alarm, Start.AddSeconds(64)));
        transition.Reason.ShouldBe(
            "Threshold Crossed: 2 out of the last 3 datapoints [9.1 (12:01:02), 9.4 (12:01:04)] were outside their bands [4.796581, 5.203419], [3.630855, 6.649145]");
        monitor.Transitions.Select(t => (t.To, t.At)).ShouldBe([(AlarmState.Ok, Start.AddSeconds(12)), (AlarmState.Alarm, Start.AddSeconds(64))]);
        var status = monitor.Firing("v2").ShouldHaveSingleItem();
        status.BandLower.ShouldNotBeNull().ShouldBe(3.630855, 1e-6);
        status.BandUpper.ShouldNotBeNull().ShouldBe(6.649145, 1e-6);
    }

    [Fact]
    public void Observe_SlowDrift_StaysOkAsTheBandFollowsIt()
    {
        // Latency creeps up 0.5 ms a period, 25% in 100 periods, with a few ms of noise: a band learned once would be
        // left behind, one learned from the last 30 datapoints follows.
        int[] noiseMs = [4, -3, 1, -5, 2, -1, 5, -4, 3, 0];
        var values = Enumerable.Range(0, 100).Select(i => 0.2 + (0.0005 * i) + (noiseMs[i % 10] / 1000.0)).ToList();
        var monitor = new AlarmMonitor([LatencyBand()], _clock);

        foreach (var value in values)
        {
            ObserveNext(monitor, value);
        }

        monitor.Transitions.Select(t => (t.From, t.To)).ShouldBe([(AlarmState.InsufficientData, AlarmState.Ok)]);
        var status = monitor.States.ShouldHaveSingleItem();
        status.BandLower.ShouldNotBeNull().ShouldBeLessThan(values[^1]);
        status.BandUpper.ShouldNotBeNull().ShouldBeGreaterThan(values[^1]);
        new AnomalyBand().Learn(values[..30]).ShouldNotBeNull().Upper.ShouldBeLessThan(values[^1]);
    }

    [Fact]
    public void Observe_BandStillLearning_IsMissingDataUntilFiveDatapointsPrecede()
    {
        var monitor = new AlarmMonitor([LatencyBand()], _clock);

        foreach (var value in new[] { 4.9, 5.1, 4.9, 5.1 })
        {
            ObserveNext(monitor, value).ShouldBeEmpty();
        }

        var learning = monitor.States.ShouldHaveSingleItem();
        (learning.State, learning.Reason).ShouldBe((AlarmState.InsufficientData, "Insufficient Data: band still learning (3 of 5 datapoints)"));
        (learning.BandLower, learning.BandUpper).ShouldBe((null, null));

        ObserveNext(monitor, 50).ShouldBeEmpty();
        monitor.States.ShouldHaveSingleItem().Reason.ShouldBe("Insufficient Data: band still learning (4 of 5 datapoints)");

        var transition = ObserveNext(monitor, 5).ShouldHaveSingleItem();
        (transition.From, transition.To).ShouldBe((AlarmState.InsufficientData, AlarmState.Ok));
        monitor.States.ShouldHaveSingleItem().BandUpper.ShouldNotBeNull();
    }

    [Fact]
    public void Evaluate_GapLongerThanTheRange_KeepsTheBandsTrainingDatapoints()
    {
        var alarm = LatencyBand() with { EvaluationPeriods = 1, DatapointsToAlarm = 1, AnomalyBand = new AnomalyBand { TrainingPeriods = 5 } };
        var monitor = new AlarmMonitor([alarm], _clock);
        foreach (var value in new[] { 4.0, 6, 4, 6, 5 })
        {
            ObserveNext(monitor, value);
        }

        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(Period);
            monitor.Evaluate();
        }

        monitor.GetState("latency-band", "v2").ShouldBe(AlarmState.InsufficientData);
        var transition = ObserveNext(monitor, 8).ShouldHaveSingleItem();
        transition.To.ShouldBe(AlarmState.Alarm);
        transition.Reason.ShouldBe("Threshold Crossed: 1 out of the last 1 datapoints [8 (12:00:52)] was outside the band [3, 7]");
        (monitor.States[0].BandLower, monitor.States[0].BandUpper).ShouldBe((3, 7));
    }

    [Fact]
    public void Constructor_BandComparisonWithoutABand_Throws()
    {
        Should.Throw<ArgumentException>(() => new AlarmMonitor([LatencyBand() with { AnomalyBand = null }], _clock))
            .Message.ShouldContain("comparison LessThanLowerOrGreaterThanUpperThreshold needs an anomaly band");
    }

    private static AlarmSpec Alarm() => DefaultAlarms.Create()[0];

    private static AlarmSpec LatencyBand() => new()
    {
        Name = "latency-band",
        Metric = new BuiltInAlarmMetric(BuiltInMetric.Latency),
        Statistic = AlarmStatistic.FromPercentile(99),
        Period = Period,
        EvaluationPeriods = 3,
        DatapointsToAlarm = 2,
        Comparison = AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold,
        AnomalyBand = new AnomalyBand(),
    };

    /// <summary>Moves the clock one period on and observes the period that just ended for scope v2.</summary>
    private IReadOnlyList<AlarmTransition> ObserveNext(AlarmMonitor monitor, double value)
    {
        _clock.Advance(Period);
        return monitor.Observe("latency-band", "v2", new Datapoint(_clock.GetUtcNow(), value));
    }
}
