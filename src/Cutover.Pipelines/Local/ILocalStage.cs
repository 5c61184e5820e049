namespace Cutover.Pipelines.Local;

/// <summary>One stage of <c>cutover pipeline run</c>. Expected failures come back as a <see cref="StageResult"/>, never as exceptions.</summary>
public interface ILocalStage
{
    PipelineStage Stage { get; }

    /// <summary>What the stage is about to do, for the progress line, such as the command it runs.</summary>
    string Describe(StageContext context);

    Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken);
}
