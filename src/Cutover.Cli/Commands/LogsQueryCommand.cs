using System.CommandLine;
using Cutover.Core.Logs.Queries;
using Cutover.Server.Logs;
using Spectre.Console;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover logs query '&lt;query&gt;'</c>: runs a Logs Insights-style query over the collected logs and prints the rows
/// as a table (or JSON). A malformed query is reported here, with a caret under the problem, before anything is sent.
/// </summary>
internal sealed class LogsQueryCommand : Command
{
    private readonly Argument<string> _query = new("query")
    {
        Description = "Such as: filter level = \"Error\" | stats count() by bin(1m) | sort count desc | limit 20 (docs/logs.md)",
    };

    private readonly Option<string> _since = new("--since", "-s")
    {
        Description = "Start of the time range: this long ago (15m, 2h, 1d) or a time (2026-01-01T12:00:00Z)",
        DefaultValueFactory = _ => "1h",
    };

    private readonly Option<string?> _until = new("--until") { Description = "End of the time range, same forms (default now)" };

    public LogsQueryCommand()
        : base("query", "Run a query over the collected logs: fields, filter, stats, sort, limit")
    {
        Arguments.Add(_query);
        Options.Add(_since);
        Options.Add(_until);
        Options.Add(CommonOptions.Json);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var query = parseResult.GetValue(_query)!;
        if (LogQueryParser.Parse(query).Error is { } error)
        {
            await Console.Error.WriteLineAsync("error: invalid query").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(error.Render(query)).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = await client.QueryLogsAsync(new LogQueryRequest(query, parseResult.GetValue(_since), parseResult.GetValue(_until)), cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        LogsOutput.WriteResult(CliConsole.Out, result.Value!, parseResult.GetValue(CommonOptions.Json));
        return ExitCodes.Success;
    }
}
