namespace Cutover.Pipelines.Local;

/// <summary>Build: the manifest's <c>service.build</c>, as <c>cutover up</c> runs it.</summary>
public sealed class BuildStage : ILocalStage
{
    public PipelineStage Stage => PipelineStage.Build;

    public string Describe(StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Manifest.Service.Build is { } build ? ManifestCommands.From(build, context.ManifestDirectory).ToString() : "nothing to build";
    }

    public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Manifest.Service.Build is { } build
            ? ManifestCommands.RunAsync(ManifestCommands.From(build, context.ManifestDirectory), context, cancellationToken)
            : Task.FromResult(StageResult.Skipped("the manifest sets no service.build"));
    }
}
