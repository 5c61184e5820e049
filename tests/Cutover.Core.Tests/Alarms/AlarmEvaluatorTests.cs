using Cutover.Core.Alarms;

namespace Cutover.Core.Tests.Alarms;

public sealed class AlarmEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private static readonly TreatMissingData[] TableColumns =
        [TreatMissingData.Missing, TreatMissingData.Ignore, TreatMissingData.Breaching, TreatMissingData.NotBreaching];

    // The two tables of CloudWatch's "How alarm state is evaluated when data is missing": five datapoints oldest first
    // (0 not breaching, X breaching, - missing) and the outcome per treatment: missing, ignore, breaching, notBreaching.
    [Theory]
    [InlineData("0 - X - X", 3, "OK", "OK", "OK", "OK")]
    [InlineData("0 - - - -", 3, "OK", "OK", "OK", "OK")]
    [InlineData("- - - - -", 3, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK")]
    [InlineData("0 X X - X", 3, "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("- - - - X", 3, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK")]
    [InlineData("X - - - -", 3, "ALARM", "RETAIN", "ALARM", "OK")]
    [InlineData("0 - X - X", 2, "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("0 0 X 0 X", 2, "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("0 - X - -", 2, "OK", "OK", "ALARM", "OK")]
    [InlineData("- - - - 0", 2, "OK", "OK", "ALARM", "OK")]
    [InlineData("- - - - X", 2, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK")]
    public void Evaluate_CloudWatchMissingDataTable_GivesTheDocumentedState(
        string datapoints, int datapointsToAlarm, string missing, string ignore, string breaching, string notBreaching)
    {
        string[] expected = [missing, ignore, breaching, notBreaching];
        for (var column = 0; column < TableColumns.Length; column++)
        {
            var alarm = Alarm(datapointsToAlarm, 3) with { TreatMissingData = TableColumns[column] };
            foreach (var current in Enum.GetValues<AlarmState>())
            {
                var state = AlarmEvaluator.Evaluate(alarm, Pattern(datapoints), current).State;

                var want = expected[column] == "RETAIN" ? current : Parse(expected[column]);
                state.ShouldBe(want, $"{datapoints}, {datapointsToAlarm} of 3, treatMissingData {TableColumns[column]}, from {current}");
            }
        }
    }

    [Theory]
    [InlineData("X 0 X", 2, 3, AlarmState.Alarm)]
    [InlineData("0 X 0", 2, 3, AlarmState.Ok)]
    [InlineData("X X 0", 2, 3, AlarmState.Alarm)]
    [InlineData("X X 0", 3, 3, AlarmState.Ok)]
    [InlineData("X X X", 3, 3, AlarmState.Alarm)]
    [InlineData("0", 1, 1, AlarmState.Ok)]
    [InlineData("X", 1, 1, AlarmState.Alarm)]
    [InlineData("X X X X 0", 1, 1, AlarmState.Ok)]
    [InlineData("0 0 0 0 X", 1, 1, AlarmState.Alarm)]
    public void Evaluate_MOutOfN_AlarmsOnlyWithMBreachingOfTheLastN(string datapoints, int m, int n, AlarmState expected)
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(m, n), Pattern(datapoints), AlarmState.InsufficientData);

        evaluation.State.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_TwoOfThreeBreaching_ReasonReadsLikeCloudWatch()
    {
        var alarm = Alarm(2, 3) with { Threshold = 0.01 };
        Datapoint[] recent = [new(Start.AddSeconds(2), 0.005), new(Start.AddSeconds(4), 0.2), new(Start.AddSeconds(6), 0.18)];

        var evaluation = AlarmEvaluator.Evaluate(alarm, recent, AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe("Threshold Crossed: 2 out of the last 3 datapoints [0.2 (12:00:04), 0.18 (12:00:06)] were greater than the threshold (0.01)");
        (evaluation.Breaching, evaluation.Present).ShouldBe((2, 3));
    }

    [Fact]
    public void Evaluate_NotEnoughBreaching_ReasonListsTheGoodDatapoints()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(2, 3), Pattern("0 X 0"), AlarmState.Alarm);

        evaluation.State.ShouldBe(AlarmState.Ok);
        evaluation.Reason.ShouldBe("Threshold Crossed: 2 datapoints [0 (12:00:02), 0 (12:00:06)] were not greater than the threshold (1)");
    }

    [Fact]
    public void Evaluate_LessThanComparison_BreachesBelowTheThreshold()
    {
        var alarm = Alarm(3, 3) with { Comparison = AlarmComparison.LessThanOrEqualToThreshold, Threshold = 0 };

        var evaluation = AlarmEvaluator.Evaluate(alarm, Pattern("0 0 0"), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe("Threshold Crossed: 3 out of the last 3 datapoints [0 (12:00:02), 0 (12:00:04), 0 (12:00:06)] were less than or equal to the threshold (0)");
    }

    [Fact]
    public void Evaluate_GreaterThanOrEqual_BreachesAtTheThreshold()
    {
        var alarm = Alarm(1, 1) with { Comparison = AlarmComparison.GreaterThanOrEqualToThreshold, Threshold = 5 };

        AlarmEvaluator.Evaluate(alarm, Pattern("X"), AlarmState.Ok).State.ShouldBe(AlarmState.Alarm);
        (alarm with { Comparison = AlarmComparison.GreaterThanThreshold }).ShouldSatisfyAllConditions(
            a => AlarmEvaluator.Evaluate(a, Pattern("X"), AlarmState.Ok).State.ShouldBe(AlarmState.Ok));
    }

    [Fact]
    public void Evaluate_GapsInRange_UsesTheMostRecentRealDatapointsAndReportsTheWindow()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(3, 3) with { TreatMissingData = TreatMissingData.Breaching }, Pattern("0 X X - X"), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        (evaluation.Breaching, evaluation.Present).ShouldBe((3, 4));
        evaluation.Window.Select(d => d.Value).ShouldBe([0, 5, 5, null, 5]);
        evaluation.Window.Select(d => d.PeriodEnd).ShouldBe([.. Enumerable.Range(1, 5).Select(i => Start + (Period * i))]);
    }

    [Fact]
    public void Evaluate_MissingTreatedAsBreaching_CountsTheFillsAndSaysSo()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(3, 3) with { TreatMissingData = TreatMissingData.Breaching }, Pattern("- - - - X"), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        (evaluation.Breaching, evaluation.Present).ShouldBe((3, 1));
        evaluation.Reason.ShouldBe(
            "Threshold Crossed: 3 out of the last 3 datapoints [5 (12:00:10)] were greater than the threshold (1), counting 2 missing datapoints treated as [Breaching]");
    }

    [Fact]
    public void Evaluate_NoDataTreatedAsMissing_IsInsufficientData()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(2, 3), Pattern("- - - - -"), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.InsufficientData);
        evaluation.Reason.ShouldBe("Insufficient Data: no datapoints were received for 5 periods");
    }

    [Fact]
    public void Evaluate_NoDatapointsAtAll_TreatsTheWholeRangeAsMissing()
    {
        var alarm = Alarm(2, 3) with { TreatMissingData = TreatMissingData.NotBreaching };

        var evaluation = AlarmEvaluator.Evaluate(alarm, [], AlarmState.InsufficientData);

        evaluation.State.ShouldBe(AlarmState.Ok);
        evaluation.Window.Count.ShouldBe(5);
        evaluation.Reason.ShouldBe("Threshold Crossed: no datapoints were received for 5 periods and 3 missing datapoints were treated as [NonBreaching]");
    }

    [Fact]
    public void Evaluate_NaNAndInfinity_CountAsMissing()
    {
        Datapoint[] recent =
        [
            new(Start.AddSeconds(2), double.NaN),
            new(Start.AddSeconds(4), double.PositiveInfinity),
            new(Start.AddSeconds(6), double.NegativeInfinity),
        ];

        var evaluation = AlarmEvaluator.Evaluate(Alarm(2, 3), recent, AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.InsufficientData);
        evaluation.Present.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_DataStopped_PeriodsSinceTheLastDatapointAreMissing()
    {
        var recent = Pattern("0 0 0");
        var alarm = Alarm(2, 3);

        var stillFresh = AlarmEvaluator.Evaluate(alarm, recent, AlarmState.Ok, Start.AddSeconds(7));
        var stale = AlarmEvaluator.Evaluate(alarm, recent, AlarmState.Ok, Start.AddSeconds(16));

        stillFresh.State.ShouldBe(AlarmState.Ok);
        stillFresh.Window[^1].PeriodEnd.ShouldBe(Start.AddSeconds(6));
        stale.State.ShouldBe(AlarmState.InsufficientData);
        stale.Window[^1].PeriodEnd.ShouldBe(Start.AddSeconds(16));
        AlarmEvaluator.Evaluate(alarm with { TreatMissingData = TreatMissingData.Breaching }, recent, AlarmState.Ok, Start.AddSeconds(16))
            .State.ShouldBe(AlarmState.Alarm);
    }

    [Fact]
    public void Evaluate_DatapointsOutOfOrderWithRepeats_RealValueWinsOverMissing()
    {
        Datapoint[] recent =
        [
            new(Start.AddSeconds(6), 5),
            new(Start.AddSeconds(2), 5),
            new(Start.AddSeconds(4), 5),
            new(Start.AddSeconds(4), null),
        ];

        var evaluation = AlarmEvaluator.Evaluate(Alarm(3, 3), recent, AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Present.ShouldBe(3);
    }

    [Fact]
    public void Evaluate_BeforeTheFirstPeriodEnds_KeepsTheStateAndSaysWhy()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(2, 3) with { TreatMissingData = TreatMissingData.Breaching }, [], AlarmState.InsufficientData, Start.AddSeconds(1), Start);

        evaluation.State.ShouldBe(AlarmState.InsufficientData);
        evaluation.Window.ShouldBeEmpty();
        evaluation.Reason.ShouldBe("Insufficient Data: the first 2s period since 12:00:00 has not ended yet");
    }

    [Fact]
    public void Evaluate_ScopeYoungerThanNPeriods_DoesNotCountTimeBeforeItAsMissing()
    {
        var alarm = Alarm(2, 3) with { TreatMissingData = TreatMissingData.Breaching };

        var afterOnePeriod = AlarmEvaluator.Evaluate(alarm, [], AlarmState.InsufficientData, Start.AddSeconds(2), Start);
        var afterThreePeriods = AlarmEvaluator.Evaluate(alarm, [], AlarmState.InsufficientData, Start.AddSeconds(6), Start);

        afterOnePeriod.State.ShouldBe(AlarmState.InsufficientData);
        afterOnePeriod.Window.Count.ShouldBe(1);
        afterOnePeriod.Reason.ShouldBe("Insufficient Data: only 1 of 3 evaluation periods have passed since evaluation started, too few to decide");
        afterThreePeriods.State.ShouldBe(AlarmState.Alarm);
        afterThreePeriods.Window.Count.ShouldBe(3);
    }

    [Fact]
    public void Evaluate_YoungScopeWithGoodData_IsOkOnceAlarmIsOutOfReach()
    {
        var alarm = Alarm(2, 3) with { TreatMissingData = TreatMissingData.NotBreaching };
        Datapoint[] recent = [new(Start.AddSeconds(2), 0), new(Start.AddSeconds(4), 0)];

        AlarmEvaluator.Evaluate(alarm, recent[..1], AlarmState.InsufficientData, Start.AddSeconds(2), Start).State.ShouldBe(AlarmState.InsufficientData);
        AlarmEvaluator.Evaluate(alarm, recent, AlarmState.InsufficientData, Start.AddSeconds(4), Start).State.ShouldBe(AlarmState.Ok);
    }

    [Fact]
    public void Evaluate_MissingWithAGoodDatapoint_IsOkAndNamesTheMissingOnes()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(2, 3), Pattern("0 - X - -"), AlarmState.Alarm);

        evaluation.State.ShouldBe(AlarmState.Ok);
        evaluation.Reason.ShouldBe("Threshold Crossed: 1 datapoint [0 (12:00:02)] was not greater than the threshold (1); 3 missing datapoints were not evaluated");
    }

    [Fact]
    public void Evaluate_IgnoreWithoutDecidingData_KeepsAlarmAndSaysSo()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(3, 3) with { TreatMissingData = TreatMissingData.Ignore }, Pattern("- - - - X"), AlarmState.Alarm);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe("Unchanged: 1 datapoint [5 (12:00:10)] was greater than the threshold (1), but 3 are needed and missing data is ignored");
    }

    [Fact]
    public void Evaluate_MissingWithOldBreachingDatapoint_AlarmsAndExplains()
    {
        var evaluation = AlarmEvaluator.Evaluate(Alarm(3, 3), Pattern("X - - - -"), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe(
            "Threshold Crossed: 1 datapoint [5 (12:00:02)] was greater than the threshold (1) and every period since the first of them (5 periods, at least 3 needed) was breaching or missing");
    }

    [Fact]
    public void Evaluate_DatapointsToAlarmAboveEvaluationPeriods_Throws()
    {
        Should.Throw<ArgumentException>(() => AlarmEvaluator.Evaluate(Alarm(4, 3), [], AlarmState.Ok));
        Should.Throw<ArgumentException>(() => AlarmEvaluator.Evaluate(Alarm(1, 1) with { Period = TimeSpan.Zero }, [], AlarmState.Ok));
    }

    [Fact]
    public void EvaluationRange_IsEvaluationPeriodsPlusTwo()
    {
        AlarmEvaluator.EvaluationRange(Alarm(2, 3)).ShouldBe(5);
        AlarmEvaluator.EvaluationRange(Alarm(1, 1)).ShouldBe(3);
    }

    internal static AlarmSpec Alarm(int datapointsToAlarm, int evaluationPeriods) => new()
    {
        Name = "test",
        Metric = new BuiltInAlarmMetric(BuiltInMetric.ErrorRate),
        Period = Period,
        EvaluationPeriods = evaluationPeriods,
        DatapointsToAlarm = datapointsToAlarm,
        Comparison = AlarmComparison.GreaterThanThreshold,
        Threshold = 1,
    };

    /// <summary>"0 - X" → one datapoint per period from 12:00:02, oldest first: 0 is 0, X is 5 (above 1), - is missing.</summary>
    private static Datapoint[] Pattern(string pattern) =>
    [
        .. pattern.Split(' ').Select((symbol, i) => new Datapoint(
            Start + (Period * (i + 1)),
            symbol switch { "0" => 0, "X" => 5, _ => null })),
    ];

    private static AlarmState Parse(string state) => state switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        _ => AlarmState.InsufficientData,
    };
}
