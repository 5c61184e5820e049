namespace Cutover.Pipelines.Local;

/// <summary>Staging: the version released to the local target (<c>cutover up</c> if needed, then <c>cutover deploy</c>).</summary>
public sealed class StagingStage(string version, string? strategy, IStagingTarget target) : ILocalStage
{
    public PipelineStage Stage => PipelineStage.Staging;

    public string Describe(StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = strategy ?? context.Manifest.Release.Strategy.ToString();
        return $"release {version} to the local target ({char.ToLowerInvariant(name[0])}{name[1..]})";
    }

    public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A release takes a while: its steps and weights are shown as they happen, not only with --verbose.
        return target.ReleaseAsync(version, strategy, context.Progress ?? context.Output, cancellationToken);
    }
}
