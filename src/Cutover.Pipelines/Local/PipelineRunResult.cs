namespace Cutover.Pipelines.Local;

/// <summary>Every stage of a local run in pipeline order, and the first that failed.</summary>
public sealed record PipelineRunResult(IReadOnlyList<StageReport> Stages, TimeSpan Elapsed)
{
    public StageReport? FailedStage => Stages.FirstOrDefault(s => s.Result.IsFailure);

    public bool Succeeded => FailedStage is null;
}
