using System.CommandLine;
using Cutover.Core.Releases;

namespace Cutover.Cli.Commands;

/// <summary><c>pause</c>, <c>resume</c>, <c>promote</c> and <c>abort</c>: one command each, sent to the running release.</summary>
internal sealed class ReleaseControlCommand : Command
{
    private readonly ReleaseCommand _command;

    public ReleaseControlCommand(ReleaseCommand command, string description)
        : base(command.ToString().ToLowerInvariant(), description)
    {
        _command = command;
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = await client.SendCommandAsync(_command, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        await Console.Out.WriteLineAsync($"{result.Value!.ReleaseId}: {result.Value.Message}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
