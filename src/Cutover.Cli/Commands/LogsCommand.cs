using System.CommandLine;
using System.Globalization;
using Cutover.Core.Logs;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover logs</c>: the newest lines of every instance and the control plane, filtered by version, instance, level
/// and text; <c>--follow</c> keeps printing new lines until Ctrl+C. <c>cutover logs query</c> runs a query.
/// </summary>
internal sealed class LogsCommand : Command
{
    private readonly Option<string?> _version = new("--version") { Description = "Only lines of this version, such as v2" };
    private readonly Option<string?> _instance = new("--instance", "-i") { Description = "Only lines of this instance (an id from 'cutover status', or control-plane)" };
    private readonly Option<string?> _level = new("--level", "-l") { Description = "Only lines at this level or worse: Trace, Debug, Information, Warning, Error, Critical" };
    private readonly Option<string?> _grep = new("--grep", "-g") { Description = "Only lines whose message contains this text (case-sensitive)" };
    private readonly Option<string?> _since = new("--since", "-s") { Description = "Only lines since this long ago (15m, 2h, 1d) or this time (2026-01-01T12:00:00Z)" };
    private readonly Option<int> _limit = new("--limit", "-n") { Description = "How many of the newest lines to show first", DefaultValueFactory = _ => 100 };
    private readonly Option<bool> _follow = new("--follow") { Description = "Keep printing new lines as they arrive, until Ctrl+C" };

    public LogsCommand()
        : base("logs", "Show the service's logs (every instance and the control plane); 'logs query' runs a query")
    {
        Options.Add(_version);
        Options.Add(_instance);
        Options.Add(_level);
        Options.Add(_grep);
        Options.Add(_since);
        Options.Add(_limit);
        Options.Add(_follow);
        Options.Add(CommonOptions.Json);
        Subcommands.Add(new LogsQueryCommand());
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var level = parseResult.GetValue(_level);
        if (level is not null && LogLevels.Normalize(level) is null)
        {
            await Console.Error.WriteLineAsync($"error: --level {level} is not a level; use one of {string.Join(", ", LogLevels.All)}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var limit = parseResult.GetValue(_limit);
        if (limit is < 1 or > 10_000)
        {
            await Console.Error.WriteLineAsync("error: --limit must be from 1 to 10000").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var filters = string.Join('&', new (string Name, string? Value)[]
            {
                ("version", parseResult.GetValue(_version)),
                ("instance", parseResult.GetValue(_instance)),
                ("level", level),
                ("text", parseResult.GetValue(_grep)),
                ("since", parseResult.GetValue(_since)),
                ("limit", limit.ToString(CultureInfo.InvariantCulture)),
            }
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}"));
        var json = parseResult.GetValue(CommonOptions.Json);
        var colour = LogsOutput.UseColour;
        if (parseResult.GetValue(_follow))
        {
            var followed = await client.FollowLogsAsync(
                filters,
                entry =>
                {
                    LogsOutput.WriteEntry(Console.Out, entry, json, colour);
                    return Task.CompletedTask;
                },
                cancellationToken).ConfigureAwait(false);
            return followed.Problem is null ? ExitCodes.Success : CliContext.Report(followed);
        }

        var result = await client.GetLogsAsync(filters, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        foreach (var entry in result.Value!)
        {
            LogsOutput.WriteEntry(Console.Out, entry, json, colour);
        }

        return ExitCodes.Success;
    }
}
