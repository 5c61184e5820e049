using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover synth --env prod</c>: CloudFormation for both regions of an AWS environment, from the same manifest.
/// Runs the CDK app in src/Cutover.Aws (as a plain <c>cdk synth</c> there would), so the CLI itself does not
/// carry the AWS CDK and its Node runtime.
/// </summary>
internal sealed class SynthCommand : Command
{
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Folder for the cloud assembly (default cdk.out beside the manifest)" };

    public SynthCommand()
        : base("synth", "Synthesize the AWS target (CloudFormation for us-east-1 and us-east-2) for one environment; needs --env")
    {
        Options.Add(_output);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(parseResult.GetValue(CommonOptions.File)!);
        if (parseResult.GetValue(CommonOptions.Environment_) is not { } environment)
        {
            await Console.Error.WriteLineAsync("error: --env is required: cutover synth --env prod (one of the manifest's aws environments)").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var project = FindAwsProject();
        if (project is null)
        {
            await Console.Error.WriteLineAsync("error: src/Cutover.Aws was not found above this CLI; run cutover synth from a Cutover checkout").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var output = Path.GetFullPath(parseResult.GetValue(_output) ?? Path.Combine(Path.GetDirectoryName(file)!, "cdk.out"));
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { "run", "--project", project, "-c", "Release", "--verbosity", "quiet" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["CDK_OUTDIR"] = output;
        info.Environment["CDK_CONTEXT_JSON"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["cutover:environment"] = environment,
            ["cutover:manifest"] = file,
        });
        await Console.Error.WriteLineAsync($"synthesizing {environment} from {file} into {output} ...").ConfigureAwait(false);
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode == 0)
        {
            await Console.Out.WriteLineAsync(output).ConfigureAwait(false);
        }

        return process.ExitCode switch
        {
            0 => ExitCodes.Success,
            2 => ExitCodes.InvalidInput,
            _ => ExitCodes.Failed,
        };
    }

    private static string? FindAwsProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Cutover.Aws", "Cutover.Aws.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
