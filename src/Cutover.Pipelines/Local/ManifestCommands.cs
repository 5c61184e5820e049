using Cutover.Core.Manifest;

namespace Cutover.Pipelines.Local;

/// <summary>Turns a manifest command (<c>service.build</c>, <c>service.test</c>) into a <see cref="StageCommand"/>.</summary>
internal static class ManifestCommands
{
    public static StageCommand From(CommandSpec spec, string manifestDirectory) =>
        new(spec.Command, spec.Args, Path.GetFullPath(Path.Combine(manifestDirectory, spec.WorkingDirectory)), spec.Timeout)
        {
            Environment = spec.Env,
        };

    /// <summary>Runs the command; passes when it exits 0, fails with its output tail otherwise.</summary>
    public static async Task<StageResult> RunAsync(StageCommand command, StageContext context, CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(command, context.Output, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? StageResult.Passed($"`{command}` exited 0")
            : StageResult.Failed(result.Describe(command), result.Tail);
    }
}
