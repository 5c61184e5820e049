using Cutover.Core.Analysis;

namespace Cutover.Core.Tests.Analysis;

public sealed class AnalysisRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_FailuresUpToTheLimit_Fail()
    {
        var run = Run(failureLimit: 2, inconclusiveLimit: 3);

        run.Record(Result(0, AnalysisVerdict.Fail)).ShouldBe(AnalysisRunStatus.Running);
        run.Record(Result(1, AnalysisVerdict.Fail)).ShouldBe(AnalysisRunStatus.Failed);

        run.Status.ShouldBe(AnalysisRunStatus.Failed);
        run.ConsecutiveFailures.ShouldBe(2);
        run.Reason.ShouldBe("2 failing comparisons without a pass (limit 2); last: error-rate: canary 0.19 vs baseline 0.00 (+0.19 > max increase 0.01): fail");
    }

    [Fact]
    public void Record_FailureLimitOfOne_FailsOnTheFirstFailure()
    {
        var run = Run(failureLimit: 1, inconclusiveLimit: 3);

        run.Record(Result(0, AnalysisVerdict.Fail)).ShouldBe(AnalysisRunStatus.Failed);
        run.Reason.ShouldStartWith("1 failing comparison without a pass (limit 1)");
    }

    [Fact]
    public void Record_PassBetweenFailures_ResetsTheCount()
    {
        var run = Run(failureLimit: 2, inconclusiveLimit: 3);

        run.Record(Result(0, AnalysisVerdict.Fail));
        run.Record(Result(1, AnalysisVerdict.Pass));
        run.ConsecutiveFailures.ShouldBe(0);
        run.Record(Result(2, AnalysisVerdict.Fail)).ShouldBe(AnalysisRunStatus.Running);

        run.ConsecutiveFailures.ShouldBe(1);
        run.Reason.ShouldBeNull();
    }

    [Fact]
    public void Record_InconclusiveUpToTheLimit_IsInconclusive()
    {
        var run = Run(failureLimit: 2, inconclusiveLimit: 3);

        run.Record(Result(0, AnalysisVerdict.Inconclusive)).ShouldBe(AnalysisRunStatus.Running);
        run.Record(Result(1, AnalysisVerdict.Inconclusive)).ShouldBe(AnalysisRunStatus.Running);
        run.Record(Result(2, AnalysisVerdict.Inconclusive)).ShouldBe(AnalysisRunStatus.Inconclusive);

        run.ConsecutiveInconclusive.ShouldBe(3);
        run.Reason.ShouldBe("3 inconclusive comparisons without a pass (limit 3); last: error-rate: no canary data: inconclusive");
    }

    [Fact]
    public void Record_PassBetweenInconclusive_ResetsTheCount()
    {
        var run = Run(failureLimit: 2, inconclusiveLimit: 2);

        run.Record(Result(0, AnalysisVerdict.Inconclusive));
        run.Record(Result(1, AnalysisVerdict.Pass));
        run.Record(Result(2, AnalysisVerdict.Inconclusive)).ShouldBe(AnalysisRunStatus.Running);

        run.ConsecutiveInconclusive.ShouldBe(1);
    }

    [Fact]
    public void Record_InconclusiveBetweenFailures_DoesNotExcuseThem()
    {
        var run = Run(failureLimit: 2, inconclusiveLimit: 3);

        run.Record(Result(0, AnalysisVerdict.Fail));
        run.Record(Result(1, AnalysisVerdict.Inconclusive));
        run.Record(Result(2, AnalysisVerdict.Fail)).ShouldBe(AnalysisRunStatus.Failed);
    }

    [Fact]
    public void Record_FailuresBetweenInconclusive_DoNotExcuseThem()
    {
        var run = Run(failureLimit: 3, inconclusiveLimit: 2);

        run.Record(Result(0, AnalysisVerdict.Inconclusive));
        run.Record(Result(1, AnalysisVerdict.Fail));
        run.Record(Result(2, AnalysisVerdict.Inconclusive)).ShouldBe(AnalysisRunStatus.Inconclusive);
    }

    [Fact]
    public void Record_OnlyPasses_KeepsRunning()
    {
        var run = Run(failureLimit: 1, inconclusiveLimit: 1);

        for (var i = 0; i < 10; i++)
        {
            run.Record(Result(i, AnalysisVerdict.Pass)).ShouldBe(AnalysisRunStatus.Running);
        }

        (run.ConsecutiveFailures, run.ConsecutiveInconclusive).ShouldBe((0, 0));
    }

    [Fact]
    public void Record_AfterALimit_KeepsTheStatusAndTheHistory()
    {
        var run = Run(failureLimit: 1, inconclusiveLimit: 3);
        run.Record(Result(0, AnalysisVerdict.Fail));
        var reason = run.Reason;

        run.Record(Result(1, AnalysisVerdict.Pass)).ShouldBe(AnalysisRunStatus.Failed);

        run.Reason.ShouldBe(reason);
        run.History.Select(r => r.Verdict).ShouldBe([AnalysisVerdict.Fail, AnalysisVerdict.Pass]);
    }

    [Fact]
    public void History_HoldsEveryResultOldestFirst()
    {
        var run = Run(failureLimit: 5, inconclusiveLimit: 5);
        var results = new[] { Result(0, AnalysisVerdict.Pass), Result(1, AnalysisVerdict.Fail), Result(2, AnalysisVerdict.Inconclusive) };

        foreach (var result in results)
        {
            run.Record(result);
        }

        run.History.ShouldBe(results);
        run.Status.ShouldBe(AnalysisRunStatus.Running);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 0)]
    public void Constructor_LimitBelowOne_Throws(int failureLimit, int inconclusiveLimit)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Run(failureLimit, inconclusiveLimit));
    }

    private static AnalysisRun Run(int failureLimit, int inconclusiveLimit) =>
        new(new AnalysisSpec { ConsecutiveFailureLimit = failureLimit, InconclusiveLimit = inconclusiveLimit });

    private static AnalysisResult Result(int index, AnalysisVerdict verdict)
    {
        var from = Start.AddSeconds(4 * index);
        var metric = verdict switch
        {
            AnalysisVerdict.Pass => new AnalysisMetricResult("error-rate", verdict, 0, 0, 100, 100, "error-rate: canary 0.00 vs baseline 0.00 (+0.00 ≤ max increase 0.01): pass"),
            AnalysisVerdict.Fail => new AnalysisMetricResult("error-rate", verdict, 0.19, 0, 100, 100, "error-rate: canary 0.19 vs baseline 0.00 (+0.19 > max increase 0.01): fail"),
            _ => new AnalysisMetricResult("error-rate", verdict, null, 0, null, 100, "error-rate: no canary data: inconclusive"),
        };
        return new AnalysisResult(from, from.AddSeconds(4), verdict, [metric], $"{verdict}: error-rate");
    }
}
