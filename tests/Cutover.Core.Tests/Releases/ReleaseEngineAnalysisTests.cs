using Cutover.Core.Analysis;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;

namespace Cutover.Core.Tests.Releases;

public sealed class ReleaseEngineAnalysisTests
{
    private static readonly ReleaseSpec WithAnalysis = new()
    {
        BakeTime = TimeSpan.FromSeconds(5),
        Analysis = new AnalysisSpec
        {
            Interval = TimeSpan.FromSeconds(2),
            ConsecutiveFailureLimit = 2,
            InconclusiveLimit = 3,
            Metrics = [new AnalysisMetricSpec { Name = "error-rate", MaxIncrease = 0.01, MinimumRequests = 10 }],
        },
    };

    [Fact]
    public async Task RunAsync_CanaryWorseThanBaseline_IsRolledBackByTheAnalysis()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, WithAnalysis);
        h.CanaryMetrics.ByVersion["v1"] = new AnalysisSample(0.0, 500);
        h.CanaryMetrics.ByVersion["v2"] = new AnalysisSample(0.2, 40);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith("canary analysis failed:");
        result.Reason.ShouldContain("error-rate: canary 0.2");
        h.Store.Audit.Count(a => a.Event == "analysis.fail").ShouldBe(2);
        h.Store.Audit.Single(a => a.Event == "rollback.started").Actor.ShouldBe("rule:analysis");
        ReleaseHarness.NewShare(h.Router.WeightHistory[^1], "v2").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_AnalysisWithoutData_IsRolledBackAsInconclusiveNeverPromoted()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, WithAnalysis);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);
        var result = await run;

        result.Phase.ShouldBe(ReleasePhase.RolledBack);
        result.Reason!.ShouldStartWith("inconclusive: canary analysis had no usable data");
        h.Store.Audit.Count(a => a.Event == "analysis.inconclusive").ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_CanaryAsGoodAsBaseline_SucceedsAfterPassingComparisons()
    {
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.Canary, WithAnalysis);
        h.CanaryMetrics.ByVersion["v1"] = new AnalysisSample(0.001, 500);
        h.CanaryMetrics.ByVersion["v2"] = new AnalysisSample(0.002, 40);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        h.Store.Audit.ShouldContain(a => a.Event == "analysis.pass");
        h.Store.Audit.ShouldNotContain(a => a.Event == "analysis.fail");
    }

    [Fact]
    public async Task RunAsync_BlueGreenShorterThanOneInterval_WaitsForAPassBeforeCommitting()
    {
        var spec = WithAnalysis with { BakeTime = TimeSpan.Zero, Analysis = WithAnalysis.Analysis! with { Interval = TimeSpan.FromSeconds(10) } };
        using var h = await ReleaseHarness.StartAsync(ReleaseStrategyKind.BlueGreen, spec);
        h.CanaryMetrics.ByVersion["v1"] = new AnalysisSample(0.0, 500);
        h.CanaryMetrics.ByVersion["v2"] = new AnalysisSample(0.0, 40);
        var run = h.Run();
        await h.AdvanceUntilAsync(s => s.IsTerminal);

        (await run).Phase.ShouldBe(ReleasePhase.Succeeded);
        var audit = h.Store.Audit.Select(a => a.Event).ToList();
        audit.IndexOf("analysis.waiting").ShouldBeLessThan(audit.IndexOf("analysis.pass"));
        audit.IndexOf("analysis.pass").ShouldBeLessThan(audit.IndexOf("release.committed"));
    }
}
