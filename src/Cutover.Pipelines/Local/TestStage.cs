namespace Cutover.Pipelines.Local;

/// <summary>Test: <c>--test-command</c> (run by <c>/bin/sh -c</c>) when given, else the manifest's <c>service.test</c>.</summary>
/// <param name="commandLine">The command line from <c>--test-command</c>; null to use the manifest's.</param>
public sealed class TestStage(string? commandLine) : ILocalStage
{
    private static readonly TimeSpan ShellTimeout = TimeSpan.FromMinutes(30);

    public PipelineStage Stage => PipelineStage.Test;

    public string Describe(StageContext context) => Command(context)?.ToString() ?? "no test command";

    public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Command(context) is { } command
            ? ManifestCommands.RunAsync(command, context, cancellationToken)
            : Task.FromResult(StageResult.Skipped("no test command: set service.test in the manifest or pass --test-command"));

    private StageCommand? Command(StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return commandLine is not null ? StageCommand.Shell(commandLine, context.ManifestDirectory, ShellTimeout)
            : context.Manifest.Service.Test is { } test ? ManifestCommands.From(test, context.ManifestDirectory)
            : null;
    }
}
