using Cutover.Core.Manifest;
using Cutover.Pipelines.Local;
using Cutover.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Pipelines.Tests.Local;

public sealed class LocalPipelineRunnerTests
{
    private static readonly StageContext Context = new(
        ManifestParser.Parse("service: { name: s, run: { command: x }, initialVersion: v1 }\nversions: { v1: {} }\n", "cutover.yaml").Manifest!,
        "/tmp",
        _ => { });

    [Fact]
    public async Task RunAsync_StagesGivenOutOfOrder_RunsThemInPipelineOrder()
    {
        var ran = new List<PipelineStage>();
        var stages = Enum.GetValues<PipelineStage>().Reverse().Select(s => new FakeStage(s, ran, StageResult.Passed("ok"))).ToList();

        var result = await new LocalPipelineRunner(stages, TextWriter.Null, new FakeTimeProvider()).RunAsync(null, Context, CancellationToken.None);

        ran.ShouldBe(Enum.GetValues<PipelineStage>());
        result.Succeeded.ShouldBeTrue();
        result.Stages.Select(s => s.Stage).ShouldBe(Enum.GetValues<PipelineStage>());
    }

    [Fact]
    public async Task RunAsync_TestFails_StopsThereAndNeverReachesStaging()
    {
        var ran = new List<PipelineStage>();
        var progress = new StringWriter();
        FakeStage[] stages =
        [
            new(PipelineStage.Build, ran, StageResult.Passed("built")),
            new(PipelineStage.Test, ran, StageResult.Failed("`false` exited with code 1", ["3 tests failed"])),
            new(PipelineStage.Scan, ran, StageResult.Passed("clean")),
            new(PipelineStage.Staging, ran, StageResult.Passed("released")),
        ];

        var result = await new LocalPipelineRunner(stages, progress, new FakeTimeProvider()).RunAsync(null, Context, CancellationToken.None);

        ran.ShouldBe([PipelineStage.Build, PipelineStage.Test]);
        result.FailedStage!.Stage.ShouldBe(PipelineStage.Test);
        result.Stages.Single(s => s.Stage == PipelineStage.Staging).Result.ShouldBe(new StageResult(StageOutcome.NotRun, "not run: test failed", []));
        progress.ToString().ShouldContain("[test] FAILED in 0.0s: `false` exited with code 1");
        progress.ToString().ShouldContain("[test] | 3 tests failed");
        LocalPipelineRunner.Summarize(result).ShouldEndWith("pipeline FAILED at test after 0.0s: `false` exited with code 1");
    }

    [Fact]
    public async Task RunAsync_SelectedStagesOnly_RunsThoseAndReportsTheRestNotSelected()
    {
        var ran = new List<PipelineStage>();
        var stages = Enum.GetValues<PipelineStage>().Select(s => new FakeStage(s, ran, StageResult.Passed("ok"))).ToList();

        var result = await new LocalPipelineRunner(stages, TextWriter.Null, new FakeTimeProvider())
            .RunAsync(new HashSet<PipelineStage> { PipelineStage.Test, PipelineStage.Build }, Context, CancellationToken.None);

        ran.ShouldBe([PipelineStage.Build, PipelineStage.Test]);
        result.Stages.Where(s => s.Result.Outcome == StageOutcome.NotRun).Select(s => s.Result.Detail).Distinct().ShouldBe(["not selected (--stages)"]);
    }

    [Fact]
    public async Task RunAsync_SkippedStage_DoesNotStopTheRun()
    {
        var ran = new List<PipelineStage>();
        FakeStage[] stages =
        [
            new(PipelineStage.Approval, ran, StageResult.Skipped("no gate")),
            new(PipelineStage.ProductionPrimary, ran, StageResult.Passed("ok")),
        ];

        var result = await new LocalPipelineRunner(stages, TextWriter.Null, new FakeTimeProvider()).RunAsync(null, Context, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        ran.ShouldBe([PipelineStage.Approval, PipelineStage.ProductionPrimary]);
    }

    [Fact]
    public async Task RunAsync_StageThrows_ReportsItFailedNamingTheStage()
    {
        var stages = new[] { new FakeStage(PipelineStage.Scan, [], StageResult.Passed("x")) { Throws = true } };

        var result = await new LocalPipelineRunner(stages, TextWriter.Null, new FakeTimeProvider()).RunAsync(null, Context, CancellationToken.None);

        result.FailedStage!.Stage.ShouldBe(PipelineStage.Scan);
        result.FailedStage.Result.Detail.ShouldBe("the stage crashed: InvalidOperationException: boom");
    }

    [Fact]
    public async Task RunAsync_StageTakesTime_ReportsItsElapsedTime()
    {
        var time = new FakeTimeProvider();
        var stages = new[] { new FakeStage(PipelineStage.Build, [], StageResult.Passed("x")) { Takes = (time, TimeSpan.FromSeconds(83)) } };

        var result = await new LocalPipelineRunner(stages, TextWriter.Null, time).RunAsync(null, Context, CancellationToken.None);

        result.Stages[0].Elapsed.ShouldBe(TimeSpan.FromSeconds(83));
        LocalPipelineRunner.Summarize(result).ShouldContain("build                 passed         1m23s  x");
    }

    [Fact]
    public async Task AwsOnlyAndApproval_RunLocally_AreSkippedSayingWhy()
    {
        (await new AwsOnlyStage(PipelineStage.ProductionPrimary).RunAsync(Context, CancellationToken.None)).Detail.ShouldBe("aws only: skipped");
        var approval = await new ApprovalStage(null).RunAsync(Context, CancellationToken.None);
        approval.Outcome.ShouldBe(StageOutcome.Skipped);
        approval.Detail.ShouldContain("--approve-interactively");
        (await new ApprovalStage(_ => Task.FromResult(false)).RunAsync(Context, CancellationToken.None)).Outcome.ShouldBe(StageOutcome.Refused);
    }

    [Fact]
    public async Task RunAsync_StagingWithoutVerbose_ShowsTheReleasesProgressButNotCommandOutput()
    {
        var progress = new StringWriter();
        var staging = new StagingStage("v2", null, new TalkingTarget());

        await new LocalPipelineRunner([new NoisyBuild(), staging], progress, new FakeTimeProvider(), verbose: false)
            .RunAsync(new HashSet<PipelineStage> { PipelineStage.Build, PipelineStage.Staging }, Context, CancellationToken.None);

        var shown = progress.ToString();
        shown.ShouldContain("[staging]   step 2 of 5: v2 at 10%");
        shown.ShouldNotContain("compiler noise");
    }

    /// <summary>A build whose command writes a line only --verbose shows.</summary>
    private sealed class NoisyBuild : ILocalStage
    {
        public PipelineStage Stage => PipelineStage.Build;

        public string Describe(StageContext context) => "noisy build";

        public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
        {
            context.Output("compiler noise");
            return Task.FromResult(StageResult.Passed("built"));
        }
    }

    /// <summary>A staging target that writes one line of command output and one of release progress.</summary>
    private sealed class TalkingTarget : IStagingTarget
    {
        public Task<StageResult> ReleaseAsync(string version, string? strategy, Action<string> output, CancellationToken cancellationToken)
        {
            output($"step 2 of 5: {version} at 10%");
            return Task.FromResult(StageResult.Passed("released"));
        }
    }

    private sealed class FakeStage(PipelineStage stage, List<PipelineStage> ran, StageResult result) : ILocalStage
    {
        public bool Throws { get; init; }

        public (FakeTimeProvider Time, TimeSpan Duration)? Takes { get; init; }

        public PipelineStage Stage => stage;

        public string Describe(StageContext context) => $"fake {stage}";

        public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
        {
            ran.Add(stage);
            if (Throws)
            {
                throw new InvalidOperationException("boom");
            }

            if (Takes is var (time, duration))
            {
                time.Advance(duration);
            }

            return Task.FromResult(result);
        }
    }
}
