namespace Cutover.Pipelines.Local;

/// <summary>One row of the run's summary: a stage, how it ended and how long it took (zero when it did not run).</summary>
public sealed record StageReport(PipelineStage Stage, StageResult Result, TimeSpan Elapsed);
