using System.CommandLine;
using Cutover.Cli.Commands;
using Cutover.Pipelines.Local;

namespace Cutover.Cli.Pipelines;

/// <summary>
/// The Staging stage on the local target: <c>cutover up</c> (this CLI again, so the control plane starts detached as
/// usual) when no control plane answers, then a release followed to its end exactly as <c>cutover deploy</c> does.
/// </summary>
/// <param name="parseResult">The command line, for the manifest, environment and control plane options.</param>
/// <param name="manifestPath">The manifest's full path.</param>
/// <param name="environment">The local environment to start, if <c>cutover up</c> is needed.</param>
/// <param name="built">The build stage ran (and passed) in this run, so <c>cutover up</c> need not build again.</param>
internal sealed class CliStagingTarget(ParseResult parseResult, string manifestPath, string? environment, bool built) : IStagingTarget
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(10);

    public async Task<StageResult> ReleaseAsync(string version, string? strategy, Action<string> output, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return StageResult.Failed("could not find the control plane's address in the manifest");
        }

        if (!await client.IsUpAsync(cancellationToken).ConfigureAwait(false))
        {
            var up = await StartPlatformAsync(output, cancellationToken).ConfigureAwait(false);
            if (up is not null)
            {
                return up;
            }
        }

        var status = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.Value?.CurrentVersion == version)
        {
            return StageResult.Passed($"{version} already serves production at {client.BaseAddress}; nothing to release");
        }

        var started = await client.DeployAsync(version, strategy, ignoreAlarms: false, cancellationToken).ConfigureAwait(false);
        if (!started.Ok)
        {
            var outcome = started.Unreachable ? StageOutcome.Unreachable : started.StatusCode == 409 ? StageOutcome.Refused : StageOutcome.Failed;
            return new StageResult(outcome, $"the control plane did not release {version}: {started.Problem}", []);
        }

        var release = started.Value!;
        output($"release {release.Id}: {release.Version} replaces {release.PreviousVersion} ({release.Strategy})");
        var lines = new List<string>();
        void Keep(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }

            output(line);
        }

        using var progress = new LineWriter(Keep);
        using var summary = new LineWriter(Keep);
        var code = await new ReleaseFollower(client, progress, summary).FollowAsync(release.Id, cancellationToken).ConfigureAwait(false);
        var tail = lines.TakeLast(CommandResult.TailLines).ToList();
        var last = lines.LastOrDefault() ?? $"release {release.Id}";
        return code switch
        {
            ExitCodes.Success when !cancellationToken.IsCancellationRequested => StageResult.Passed(last),
            ExitCodes.Success => StageResult.Failed($"stopped following release {release.Id}; it goes on"),
            ExitCodes.RolledBack => new StageResult(StageOutcome.RolledBack, last, tail),
            ExitCodes.Unreachable => new StageResult(StageOutcome.Unreachable, last, tail),
            _ => StageResult.Failed(last, tail),
        };
    }

    private async Task<StageResult?> StartPlatformAsync(Action<string> output, CancellationToken cancellationToken)
    {
        string[] arguments = [.. UpCommand.SelfInvocation().Skip(1), "up", "--file", manifestPath, .. built ? ["--no-build"] : Array.Empty<string>(), .. environment is null ? Array.Empty<string>() : ["--env", environment]];
        var command = new StageCommand(UpCommand.SelfInvocation().First(), arguments, Path.GetDirectoryName(manifestPath)!, UpTimeout);
        output($"no control plane answers: cutover up{(built ? " --no-build" : string.Empty)}");
        var result = await CommandRunner.RunAsync(command, output, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : StageResult.Failed($"cutover up failed: {result.Describe(command)}", result.Tail);
    }
}
