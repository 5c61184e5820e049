using System.CommandLine;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover validate</c>: checks the manifest and prints every error with file, line, field and fix.</summary>
internal sealed class ValidateCommand : Command
{
    public ValidateCommand()
        : base("validate", "Check cutover.yaml; exit 0 when valid, 2 with every error listed otherwise")
    {
        SetAction(ExecuteAsync);
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(CommonOptions.File)!;
        var manifest = await ManifestFile.LoadAsync(file, Console.Error, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return ExitCodes.InvalidInput;
        }

        await Console.Out.WriteLineAsync(
            $"{file} is valid: service {manifest.Service.Name}, {manifest.Versions.Count} version(s), {manifest.Environments.Count} environment(s), {manifest.Release.Strategy} releases").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
