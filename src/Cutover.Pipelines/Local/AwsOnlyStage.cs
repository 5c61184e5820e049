namespace Cutover.Pipelines.Local;

/// <summary>ProductionPrimary and ProductionSecondary: blue/green releases to AWS regions, which a local run cannot do.</summary>
public sealed class AwsOnlyStage(PipelineStage stage) : ILocalStage
{
    public PipelineStage Stage => stage;

    public string Describe(StageContext context) => "aws only";

    public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new StageResult(StageOutcome.Skipped, "aws only: skipped", []));
}
