using Cutover.Core.Alarms;

namespace Cutover.Core.Tests.Alarms;

public sealed class DefaultAlarmsTests
{
    [Fact]
    public void Create_Defaults_AreCriticalRollbackTwoOfThreeWithMissingTreatedAsMissing()
    {
        var alarms = DefaultAlarms.Create();

        alarms.Select(a => a.Name).ShouldBe(["error-rate", "latency-p99", "memory", "unhealthy-instances", "crash-loop"]);
        alarms.ShouldAllBe(a =>
            a.Severity == AlarmSeverity.Critical && a.Rollback && a.Period == TimeSpan.FromSeconds(2) &&
            a.EvaluationPeriods == 3 && a.DatapointsToAlarm == 2 && a.TreatMissingData == TreatMissingData.Missing &&
            a.Description.Length > 0);
    }

    [Fact]
    public void Create_Defaults_HaveTheDocumentedConditions()
    {
        var conditions = DefaultAlarms.Create().Select(a => (((BuiltInAlarmMetric)a.Metric).Metric, a.Statistic.ToString(), a.Comparison, a.Threshold));

        conditions.ShouldBe(
        [
            (BuiltInMetric.ErrorRate, "Average", AlarmComparison.GreaterThanThreshold, 0.01),
            (BuiltInMetric.Latency, "p99", AlarmComparison.GreaterThanThreshold, 2),
            (BuiltInMetric.MemoryUtilization, "Maximum", AlarmComparison.GreaterThanThreshold, 0.8),
            (BuiltInMetric.UnhealthyInstances, "Maximum", AlarmComparison.GreaterThanThreshold, 0),
            (BuiltInMetric.Restarts, "Sum", AlarmComparison.GreaterThanOrEqualToThreshold, 1),
        ]);
    }

    [Fact]
    public void Create_CrashLoop_FiresOnRestartsInTwoOfThreePeriodsButNotOnOne()
    {
        var crashLoop = DefaultAlarms.Create().Single(a => a.Name == "crash-loop");
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Datapoint[] oneCrash = [new(start.AddSeconds(2), 0), new(start.AddSeconds(4), 1), new(start.AddSeconds(6), 0)];
        Datapoint[] twoCrashes = [new(start.AddSeconds(2), 1), new(start.AddSeconds(4), 0), new(start.AddSeconds(6), 1)];

        AlarmEvaluator.Evaluate(crashLoop, oneCrash, AlarmState.Ok).State.ShouldBe(AlarmState.Ok);
        AlarmEvaluator.Evaluate(crashLoop, twoCrashes, AlarmState.Ok).State.ShouldBe(AlarmState.Alarm);
    }

    [Fact]
    public void Create_WithPeriod_UsesItForEveryAlarm()
    {
        DefaultAlarms.Create(TimeSpan.FromSeconds(10)).ShouldAllBe(a => a.Period == TimeSpan.FromSeconds(10));
        Should.Throw<ArgumentOutOfRangeException>(() => DefaultAlarms.Create(TimeSpan.FromMilliseconds(1500)));
        Should.Throw<ArgumentOutOfRangeException>(() => DefaultAlarms.Create(TimeSpan.Zero));
    }

    [Fact]
    public void Create_CalledTwice_GivesEqualAlarms()
    {
        DefaultAlarms.Create().ShouldBe(DefaultAlarms.Create());
    }
}
