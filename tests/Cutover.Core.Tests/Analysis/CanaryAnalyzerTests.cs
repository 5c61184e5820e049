using Cutover.Core.Alarms;
using Cutover.Core.Analysis;

namespace Cutover.Core.Tests.Analysis;

public sealed class CanaryAnalyzerTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddSeconds(4);

    private static readonly AnalysisMetricSpec ErrorRate = new()
    {
        Name = "error-rate",
        Metric = BuiltInMetric.ErrorRate,
        MaxIncrease = 0.01,
    };

    private static readonly AnalysisMetricSpec Latency = new()
    {
        Name = "latency",
        Metric = BuiltInMetric.Latency,
        Statistic = AlarmStatistic.FromPercentile(99),
        MaxRatio = 1.5,
    };

    [Fact]
    public void Evaluate_CanaryWithinEveryBound_Passes()
    {
        var result = Analyzer(ErrorRate, Latency).Evaluate(From, To, new Dictionary<string, MetricSamples>
        {
            ["error-rate"] = Samples(0.005, 0.004),
            ["latency"] = Samples(0.25, 0.2),
        });

        result.Verdict.ShouldBe(AnalysisVerdict.Pass);
        result.Metrics.Select(m => m.Reason).ShouldBe(
        [
            "error-rate: canary 0.005 vs baseline 0.004 (+0.001 ≤ max increase 0.01): pass",
            "latency: canary 0.25 vs baseline 0.20 (ratio 1.25 ≤ max ratio 1.5): pass",
        ]);
        result.Summary.ShouldBe("pass: error-rate passed, latency passed");
        (result.From, result.To).ShouldBe((From, To));
    }

    [Fact]
    public void Evaluate_IncreaseAboveMaxIncrease_FailsWithTheValues()
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, One("error-rate", Samples(0.19, 0, canaryRequests: 100, baselineRequests: 1900)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics.ShouldHaveSingleItem().ShouldBe(new AnalysisMetricResult(
            "error-rate", AnalysisVerdict.Fail, 0.19, 0, 100, 1900, "error-rate: canary 0.19 vs baseline 0.00 (+0.19 > max increase 0.01): fail"));
        result.Summary.ShouldBe("fail: error-rate failed");
    }

    [Fact]
    public void Evaluate_RatioAboveMaxRatio_Fails()
    {
        var result = Analyzer(Latency).Evaluate(From, To, One("latency", Samples(0.9, 0.3)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics[0].Reason.ShouldBe("latency: canary 0.90 vs baseline 0.30 (ratio 3.00 > max ratio 1.5): fail");
    }

    [Fact]
    public void Evaluate_CanaryBelowBaseline_Passes()
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, One("error-rate", Samples(0.01, 0.05)));

        result.Verdict.ShouldBe(AnalysisVerdict.Pass);
        result.Metrics[0].Reason.ShouldBe("error-rate: canary 0.01 vs baseline 0.05 (-0.04 ≤ max increase 0.01): pass");
    }

    [Theory]
    [InlineData(0.5, 0.25, AnalysisVerdict.Pass)]
    [InlineData(0.5625, 0.25, AnalysisVerdict.Fail)]
    public void Evaluate_ValueExactlyAtTheBound_PassesAndAboveItFails(double canary, double baseline, AnalysisVerdict expected)
    {
        var metric = new AnalysisMetricSpec { Name = "m", Metric = BuiltInMetric.Latency, MaxIncrease = 0.25, MaxRatio = 2 };

        var result = Analyzer(metric).Evaluate(From, To, One("m", Samples(canary, baseline)));

        result.Verdict.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.01, 0.12, 0.1, "latency: canary 0.12 vs baseline 0.10 (+0.02 > max increase 0.01; ratio 1.20 ≤ max ratio 1.5): fail")]
    [InlineData(0.5, 0.3, 0.01, "latency: canary 0.30 vs baseline 0.01 (+0.29 ≤ max increase 0.5; ratio 30.00 > max ratio 1.5): fail")]
    public void Evaluate_BothBoundsAndEitherExceeded_Fails(double maxIncrease, double canary, double baseline, string reason)
    {
        var metric = new AnalysisMetricSpec { Name = "latency", Metric = BuiltInMetric.Latency, MaxIncrease = maxIncrease, MaxRatio = 1.5 };

        var result = Analyzer(metric).Evaluate(From, To, One("latency", Samples(canary, baseline)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics[0].Reason.ShouldBe(reason);
    }

    [Fact]
    public void Evaluate_BothBounds_ReportsBothChecks()
    {
        var metric = new AnalysisMetricSpec { Name = "latency", Metric = BuiltInMetric.Latency, MaxIncrease = 0.05, MaxRatio = 1.5 };

        var result = Analyzer(metric).Evaluate(From, To, One("latency", Samples(0.4, 0.2)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics[0].Reason.ShouldBe("latency: canary 0.40 vs baseline 0.20 (+0.20 > max increase 0.05; ratio 2.00 > max ratio 1.5): fail");
    }

    [Fact]
    public void Evaluate_ZeroBaselineWithRatioOnlyAndCanaryAboveZero_Fails()
    {
        var metric = ErrorRate with { MaxIncrease = null, MaxRatio = 1.5 };

        var result = Analyzer(metric).Evaluate(From, To, One("error-rate", Samples(0.02, 0)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics[0].Reason.ShouldBe("error-rate: canary 0.02 vs baseline 0.00 (above a zero baseline, so no ratio is within max ratio 1.5): fail");
    }

    [Fact]
    public void Evaluate_ZeroBaselineWithRatioOnlyAndCanaryZero_Passes()
    {
        var metric = ErrorRate with { MaxIncrease = null, MaxRatio = 1.5 };

        var result = Analyzer(metric).Evaluate(From, To, One("error-rate", Samples(0, 0)));

        result.Verdict.ShouldBe(AnalysisVerdict.Pass);
        result.Metrics[0].Reason.ShouldBe("error-rate: canary 0.00 vs baseline 0.00 (both zero, within max ratio 1.5): pass");
    }

    [Theory]
    [InlineData(0.005, AnalysisVerdict.Pass, "error-rate: canary 0.005 vs baseline 0.00 (+0.005 ≤ max increase 0.01; no ratio to a zero baseline, max increase decides): pass")]
    [InlineData(0.02, AnalysisVerdict.Fail, "error-rate: canary 0.02 vs baseline 0.00 (+0.02 > max increase 0.01; no ratio to a zero baseline, max increase decides): fail")]
    public void Evaluate_ZeroBaselineWithBothBounds_MaxIncreaseDecides(double canary, AnalysisVerdict expected, string reason)
    {
        var metric = ErrorRate with { MaxRatio = 1.5 };

        var result = Analyzer(metric).Evaluate(From, To, One("error-rate", Samples(canary, 0)));

        result.Verdict.ShouldBe(expected);
        result.Metrics[0].Reason.ShouldBe(reason);
    }

    [Fact]
    public void Evaluate_NoSamplesForAMetric_IsInconclusive()
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, new Dictionary<string, MetricSamples>());

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Metrics[0].Reason.ShouldBe("error-rate: no canary data, no baseline data: inconclusive");
        result.Summary.ShouldBe("inconclusive: error-rate inconclusive");
    }

    [Theory]
    [InlineData(null, 0.0, "error-rate: no canary data: inconclusive")]
    [InlineData(double.NaN, 0.0, "error-rate: no canary data: inconclusive")]
    [InlineData(0.0, null, "error-rate: no baseline data: inconclusive")]
    [InlineData(0.0, double.PositiveInfinity, "error-rate: no baseline data: inconclusive")]
    public void Evaluate_MissingValue_IsInconclusiveNeverPass(double? canary, double? baseline, string reason)
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, One("error-rate", Samples(canary, baseline)));

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Metrics[0].Reason.ShouldBe(reason);
        result.Metrics[0].Canary.ShouldBe(canary is { } c && double.IsFinite(c) ? c : null);
    }

    [Fact]
    public void Evaluate_NullSamples_IsInconclusive()
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, One("error-rate", new MetricSamples(null, null)));

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
    }

    [Theory]
    [InlineData(19.0, 500.0, "error-rate: canary 19 requests < minimum 20: inconclusive")]
    [InlineData(500.0, 1.0, "error-rate: baseline 1 request < minimum 20: inconclusive")]
    [InlineData(null, 500.0, "error-rate: canary request count unknown (minimum 20): inconclusive")]
    [InlineData(3.0, null, "error-rate: canary 3 requests < minimum 20, baseline request count unknown (minimum 20): inconclusive")]
    public void Evaluate_FewerRequestsThanMinimum_IsInconclusiveEvenWhenTheValuesWouldFail(double? canaryRequests, double? baselineRequests, string reason)
    {
        var metric = ErrorRate with { MinimumRequests = 20 };

        var result = Analyzer(metric).Evaluate(From, To, One("error-rate", Samples(0.5, 0, canaryRequests, baselineRequests)));

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Metrics[0].Reason.ShouldBe(reason);
    }

    [Fact]
    public void Evaluate_RequestsAtTheMinimum_Compares()
    {
        var metric = ErrorRate with { MinimumRequests = 20 };

        var result = Analyzer(metric).Evaluate(From, To, One("error-rate", Samples(0.5, 0, canaryRequests: 20, baselineRequests: 20)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
    }

    [Fact]
    public void Evaluate_NoMinimumRequests_IgnoresUnknownRequestCounts()
    {
        var result = Analyzer(ErrorRate).Evaluate(From, To, One("error-rate", Samples(0.001, 0, canaryRequests: null, baselineRequests: 0)));

        result.Verdict.ShouldBe(AnalysisVerdict.Pass);
    }

    [Fact]
    public void Evaluate_OneMetricFailsAnotherInconclusive_IntervalFails()
    {
        var result = Analyzer(ErrorRate, Latency).Evaluate(From, To, One("error-rate", Samples(0.2, 0)));

        result.Verdict.ShouldBe(AnalysisVerdict.Fail);
        result.Metrics.Select(m => m.Verdict).ShouldBe([AnalysisVerdict.Fail, AnalysisVerdict.Inconclusive]);
        result.Summary.ShouldBe("fail: error-rate failed, latency inconclusive");
    }

    [Fact]
    public void Evaluate_OneMetricPassesAnotherInconclusive_IntervalIsInconclusive()
    {
        var result = Analyzer(ErrorRate, Latency).Evaluate(From, To, One("latency", Samples(0.2, 0.2)));

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Summary.ShouldBe("inconclusive: error-rate inconclusive, latency passed");
    }

    [Fact]
    public void Evaluate_NoMetrics_IsInconclusive()
    {
        var result = Analyzer().Evaluate(From, To, new Dictionary<string, MetricSamples>());

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Metrics.ShouldBeEmpty();
        result.Summary.ShouldBe("inconclusive: no metrics to compare");
    }

    [Fact]
    public void Evaluate_MetricWithoutBounds_IsInconclusive()
    {
        var metric = new AnalysisMetricSpec { Name = "unbounded", Metric = BuiltInMetric.Latency };

        var result = Analyzer(metric).Evaluate(From, To, One("unbounded", Samples(9, 0.1)));

        result.Verdict.ShouldBe(AnalysisVerdict.Inconclusive);
        result.Metrics[0].Reason.ShouldBe("unbounded: canary 9.00 vs baseline 0.10 (no maxIncrease or maxRatio to judge by): inconclusive");
    }

    [Fact]
    public void Evaluate_SampleForAnUnknownMetric_Throws()
    {
        var analyzer = Analyzer(ErrorRate);

        Should.Throw<ArgumentException>(() => analyzer.Evaluate(From, To, One("eror-rate", Samples(0, 0))))
            .Message.ShouldStartWith("no analysis metric is named \"eror-rate\"");
    }

    private static CanaryAnalyzer Analyzer(params AnalysisMetricSpec[] metrics) => new(new AnalysisSpec { Metrics = metrics });

    private static Dictionary<string, MetricSamples> One(string name, MetricSamples samples) => new() { [name] = samples };

    private static MetricSamples Samples(double? canary, double? baseline, double? canaryRequests = 1000, double? baselineRequests = 1000) =>
        new(new AnalysisSample(canary, canaryRequests), new AnalysisSample(baseline, baselineRequests));
}
