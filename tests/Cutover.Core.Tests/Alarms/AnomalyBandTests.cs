using Cutover.Core.Alarms;

namespace Cutover.Core.Tests.Alarms;

public sealed class AnomalyBandTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    // Mean 5, sample standard deviation exactly 1: the band of width 2 is [3, 7].
    private static readonly double[] Training = [4, 6, 4, 6, 5];

    [Fact]
    public void Learn_History_IsTheMeanPlusOrMinusWidthSampleDeviations()
    {
        new AnomalyBand().Learn(Training).ShouldBe(new LearnedBand(3, 7, 5, 1, 5));
        new AnomalyBand { Width = 3 }.Learn(Training).ShouldBe(new LearnedBand(2, 8, 5, 1, 5));
    }

    [Fact]
    public void Learn_FewerThanFiveDatapoints_IsStillLearning()
    {
        new AnomalyBand().Learn([4, 6, 4, 6]).ShouldBeNull();
        new AnomalyBand().Learn([]).ShouldBeNull();
    }

    [Fact]
    public void Learn_FlatHistory_FloorsTheDeviationAtOnePercentOfTheMean()
    {
        var band = new AnomalyBand().Learn([0.2, 0.2, 0.2, 0.2, 0.2, 0.2]).ShouldNotBeNull();

        band.Deviation.ShouldBe(0.002, 1e-12);
        band.Lower.ShouldBe(0.196, 1e-12);
        band.Upper.ShouldBe(0.204, 1e-12);
    }

    [Fact]
    public void Learn_FlatAtZero_FloorsTheDeviationAtASmallEpsilon()
    {
        var band = new AnomalyBand().Learn([0, 0, 0, 0, 0]).ShouldNotBeNull();

        band.ShouldBe(new LearnedBand(-2e-6, 2e-6, 0, 1e-6, 5));
    }

    [Theory]
    [InlineData(AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold, 8, AlarmState.Alarm, "Threshold Crossed: 1 out of the last 1 datapoints [8 (12:00:12)] was outside the band [3, 7]")]
    [InlineData(AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold, 2, AlarmState.Alarm, "Threshold Crossed: 1 out of the last 1 datapoints [2 (12:00:12)] was outside the band [3, 7]")]
    [InlineData(AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold, 6.5, AlarmState.Ok, "Threshold Crossed: 1 datapoint [6.5 (12:00:12)] was within the band [3, 7]")]
    [InlineData(AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold, 7, AlarmState.Ok, "Threshold Crossed: 1 datapoint [7 (12:00:12)] was within the band [3, 7]")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, 8, AlarmState.Alarm, "Threshold Crossed: 1 out of the last 1 datapoints [8 (12:00:12)] was greater than the upper threshold (7)")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, 2, AlarmState.Ok, "Threshold Crossed: 1 datapoint [2 (12:00:12)] was not greater than the upper threshold (7)")]
    [InlineData(AlarmComparison.LessThanLowerThreshold, 2, AlarmState.Alarm, "Threshold Crossed: 1 out of the last 1 datapoints [2 (12:00:12)] was less than the lower threshold (3)")]
    [InlineData(AlarmComparison.LessThanLowerThreshold, 8, AlarmState.Ok, "Threshold Crossed: 1 datapoint [8 (12:00:12)] was not less than the lower threshold (3)")]
    public void Evaluate_EachBandComparison_BreachesOnlyOnItsSide(AlarmComparison comparison, double value, AlarmState expected, string reason)
    {
        var alarm = BandAlarm(1, 1) with { Comparison = comparison };

        var evaluation = AlarmEvaluator.Evaluate(alarm, Series([.. Training, value]), AlarmState.InsufficientData);

        evaluation.State.ShouldBe(expected);
        evaluation.Reason.ShouldBe(reason);
        evaluation.Band.ShouldBe(new LearnedBand(3, 7, 5, 1, 5));
    }

    [Fact]
    public void Evaluate_EachDatapoint_IsJudgedAgainstTheBandOfTheDatapointsBeforeIt()
    {
        // 9 is outside [3, 7]; then 10 is judged on [6, 4, 6, 5, 9], whose band is wider, and still outside it.
        var alarm = BandAlarm(2, 2) with { Comparison = AlarmComparison.GreaterThanUpperThreshold };

        var evaluation = AlarmEvaluator.Evaluate(alarm, Series([.. Training, 9, 10]), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe(
            "Threshold Crossed: 2 out of the last 2 datapoints [9 (12:00:12), 10 (12:00:14)] were greater than their upper thresholds [7, 9.741657]");
        evaluation.Band.ShouldNotBeNull().Mean.ShouldBe(6);
    }

    [Fact]
    public void Evaluate_BandTrainsOnTheLastTrainingPeriodsRealDatapointsOnly()
    {
        // The first two values are older than the five training periods; the missing one is skipped, not counted as 0.
        var alarm = BandAlarm(1, 1);
        Datapoint[] recent =
        [
            new(Start + Period, 100), new(Start + (Period * 2), -100), new(Start + (Period * 3), 4), new(Start + (Period * 4), 6),
            new(Start + (Period * 5), null), new(Start + (Period * 6), 4), new(Start + (Period * 7), 6), new(Start + (Period * 8), 5),
            new(Start + (Period * 9), 6.9),
        ];

        var evaluation = AlarmEvaluator.Evaluate(alarm, recent, AlarmState.InsufficientData);

        evaluation.Band.ShouldBe(new LearnedBand(3, 7, 5, 1, 5));
        evaluation.State.ShouldBe(AlarmState.Ok);
    }

    [Fact]
    public void Evaluate_FlatHistory_ToleratesNoiseButNotAChange()
    {
        var alarm = BandAlarm(1, 1);
        double[] flat = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2];

        AlarmEvaluator.Evaluate(alarm, Series([.. flat, 0.2001]), AlarmState.InsufficientData).State.ShouldBe(AlarmState.Ok);
        AlarmEvaluator.Evaluate(alarm, Series([.. flat, 0.25]), AlarmState.InsufficientData).State.ShouldBe(AlarmState.Alarm);
    }

    [Fact]
    public void Evaluate_BandStillLearning_CountsAsMissingData()
    {
        var evaluation = AlarmEvaluator.Evaluate(BandAlarm(2, 3), Series([4, 6, 4, 20]), AlarmState.InsufficientData);

        evaluation.State.ShouldBe(AlarmState.InsufficientData);
        evaluation.Reason.ShouldBe("Insufficient Data: band still learning (3 of 5 datapoints)");
        (evaluation.Present, evaluation.Breaching, evaluation.Band).ShouldBe((0, 0, null));
        evaluation.Window.Select(d => d.Value).ShouldBe([null, 4, 6, 4, 20]);
    }

    [Theory]
    [InlineData(TreatMissingData.Breaching, AlarmState.Alarm, "Threshold Crossed: band still learning (3 of 5 datapoints) and 3 missing datapoints were treated as [Breaching]")]
    [InlineData(TreatMissingData.NotBreaching, AlarmState.Ok, "Threshold Crossed: band still learning (3 of 5 datapoints) and 3 missing datapoints were treated as [NonBreaching]")]
    [InlineData(TreatMissingData.Ignore, AlarmState.Alarm, "Unchanged: band still learning (3 of 5 datapoints) and missing data is ignored")]
    public void Evaluate_BandStillLearning_TreatMissingDataDecides(TreatMissingData treatment, AlarmState expected, string reason)
    {
        var alarm = BandAlarm(2, 3) with { TreatMissingData = treatment };

        var evaluation = AlarmEvaluator.Evaluate(alarm, Series([4, 6, 4, 6]), AlarmState.Alarm);

        evaluation.State.ShouldBe(expected);
        evaluation.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Evaluate_FirstJudgedDatapoint_OlderLearningOnesStayMissing()
    {
        var evaluation = AlarmEvaluator.Evaluate(BandAlarm(2, 3), Series([.. Training, 5.5]), AlarmState.InsufficientData);

        evaluation.State.ShouldBe(AlarmState.Ok);
        evaluation.Reason.ShouldBe("Threshold Crossed: 1 datapoint [5.5 (12:00:12)] was within the band [3, 7]; 4 missing datapoints were not evaluated");
        evaluation.Present.ShouldBe(1);
    }

    [Fact]
    public void Evaluate_StaticThreshold_HasNoBand()
    {
        var alarm = BandAlarm(1, 1) with { Comparison = AlarmComparison.GreaterThanThreshold, Threshold = 7, AnomalyBand = null };

        var evaluation = AlarmEvaluator.Evaluate(alarm, Series([.. Training, 8]), AlarmState.Ok);

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Band.ShouldBeNull();
    }

    [Theory]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, false, 2, 30, "comparison GreaterThanUpperThreshold needs an anomaly band")]
    [InlineData(AlarmComparison.GreaterThanThreshold, true, 2, 30, "an anomaly band needs a band comparison, not GreaterThanThreshold")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, true, 0, 30, "the anomaly band's width (0) must be above 0")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, true, double.NaN, 30, "the anomaly band's width (NaN) must be above 0")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, true, 2, 4, "training periods (4) from 5 to 1000")]
    [InlineData(AlarmComparison.GreaterThanUpperThreshold, true, 2, 1001, "training periods (1001) from 5 to 1000")]
    public void Evaluate_InconsistentBandSpec_Throws(AlarmComparison comparison, bool hasBand, double width, int trainingPeriods, string message)
    {
        var alarm = BandAlarm(1, 1) with
        {
            Comparison = comparison,
            AnomalyBand = hasBand ? new AnomalyBand { Width = width, TrainingPeriods = trainingPeriods } : null,
        };

        Should.Throw<ArgumentException>(() => AlarmEvaluator.Evaluate(alarm, [], AlarmState.Ok)).Message.ShouldContain(message);
    }

    [Fact]
    public void IsBand_BandComparisons_AreTheThreeCloudWatchOnes()
    {
        Enum.GetValues<AlarmComparison>().Where(c => c.IsBand()).ShouldBe(
        [
            AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold, AlarmComparison.GreaterThanUpperThreshold, AlarmComparison.LessThanLowerThreshold,
        ]);
    }

    /// <summary>A band alarm that learns from five datapoints, so the shared <see cref="Training"/> gives the band [3, 7].</summary>
    internal static AlarmSpec BandAlarm(int datapointsToAlarm, int evaluationPeriods) => new()
    {
        Name = "test",
        Metric = new BuiltInAlarmMetric(BuiltInMetric.Latency),
        Period = Period,
        EvaluationPeriods = evaluationPeriods,
        DatapointsToAlarm = datapointsToAlarm,
        Comparison = AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold,
        AnomalyBand = new AnomalyBand { TrainingPeriods = 5 },
    };

    /// <summary>One datapoint per period from 12:00:02, oldest first.</summary>
    private static Datapoint[] Series(double[] values) => [.. values.Select((v, i) => new Datapoint(Start + (Period * (i + 1)), v))];
}
