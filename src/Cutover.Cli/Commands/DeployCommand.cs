using System.CommandLine;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover deploy v2 [--strategy canary]</c>: starts a release and follows it to the end.</summary>
internal sealed class DeployCommand : Command
{
    private readonly Argument<string> _version = new("version") { Description = "A version declared under versions: in the manifest" };

    private readonly Option<string?> _strategy = CommonOptions.Strategy("blueGreen, canary or linear (default: release.strategy in the manifest)");

    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Return once the release has started" };

    private readonly Option<bool> _ignoreAlarms = new("--ignore-alarms")
    {
        Description = "Release even though a rollback alarm is already in ALARM for the serving version (audited)",
    };

    public DeployCommand()
        : base("deploy", "Release a version with zero downtime; exit 0 succeeded, 3 rolled back, 1 failed")
    {
        Arguments.Add(_version);
        Options.Add(_strategy);
        Options.Add(_noWait);
        Options.Add(_ignoreAlarms);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var started = await client.DeployAsync(parseResult.GetValue(_version)!, parseResult.GetValue(_strategy), parseResult.GetValue(_ignoreAlarms), cancellationToken).ConfigureAwait(false);
        if (!started.Ok)
        {
            return CliContext.Report(started);
        }

        var release = started.Value!;
        await Console.Error.WriteLineAsync($"release {release.Id}: {release.Version} replaces {release.PreviousVersion} ({release.Strategy}, steps {string.Join("→", release.Steps.Select(s => s.Weight + "%"))})").ConfigureAwait(false);
        if (parseResult.GetValue(_noWait))
        {
            await Console.Out.WriteLineAsync(release.Id).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        return await new ReleaseFollower(client, Console.Error, Console.Out).FollowAsync(release.Id, cancellationToken).ConfigureAwait(false);
    }
}
