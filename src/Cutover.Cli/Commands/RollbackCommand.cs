using System.CommandLine;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover rollback</c>: brings back the version that served before the current one.</summary>
internal sealed class RollbackCommand : Command
{
    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Return once the rollback has started" };

    public RollbackCommand()
        : base("rollback", "Release the previous version again (after a release finished); during a release use 'abort'")
    {
        Options.Add(_noWait);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var started = await client.RollbackAsync(cancellationToken).ConfigureAwait(false);
        if (!started.Ok)
        {
            return CliContext.Report(started);
        }

        var release = started.Value!;
        await Console.Error.WriteLineAsync($"rollback {release.Id}: {release.Version} replaces {release.PreviousVersion}").ConfigureAwait(false);
        return parseResult.GetValue(_noWait)
            ? ExitCodes.Success
            : await new ReleaseFollower(client, Console.Error, Console.Out).FollowAsync(release.Id, cancellationToken).ConfigureAwait(false);
    }
}
