using System.Globalization;
using System.Text.Json;
using Cutover.Core.Logs;
using Cutover.Server.Logs;
using Spectre.Console;

namespace Cutover.Cli.Commands;

/// <summary>How <c>cutover logs</c> prints lines and query results: readable by default, JSON with <c>--json</c>.</summary>
internal static class LogsOutput
{
    private static readonly JsonSerializerOptions Compact = new(ControlPlaneClient.Json) { WriteIndented = false };

    /// <summary>
    /// One line: local time, level, instance, message. Written as is rather than through Spectre, which would wrap
    /// long lines; coloured only on a terminal (and not with NO_COLOR), and the level is spelled out either way.
    /// </summary>
    public static void WriteEntry(TextWriter output, LogEntry entry, bool json, bool colour)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(entry, Compact));
            return;
        }

        var (label, code) = entry.Level switch
        {
            LogLevels.Critical => ("CRIT ", "1;31"),
            LogLevels.Error => ("ERROR", "31"),
            LogLevels.Warning => ("WARN ", "33"),
            LogLevels.Information => ("INFO ", "0"),
            LogLevels.Debug => ("DEBUG", "90"),
            LogLevels.Trace => ("TRACE", "90"),
            _ => ("-    ", "0"),
        };
        var time = entry.Timestamp.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var instance = (entry.Instance ?? "-").PadRight(20);
        output.WriteLine(colour
            ? $"\u001b[90m{time}\u001b[0m \u001b[{code}m{label}\u001b[0m \u001b[34m{instance}\u001b[0m {entry.Message}"
            : $"{time} {label} {instance} {entry.Message}");
    }

    /// <summary>True when lines may carry colour: stdout is a terminal and NO_COLOR is not set.</summary>
    public static bool UseColour => !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Query rows as a table, then how many and how long the store took (on stderr, like all diagnostics).</summary>
    public static void WriteResult(IAnsiConsole console, LogQueryResponse result, bool json)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(result, ControlPlaneClient.Json));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in result.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow([.. row.Select(value => Markup.Escape(Format(value)))]);
        }

        console.Write(table);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Rows.Count} row(s) from {result.From.ToLocalTime():yyyy-MM-dd HH:mm:ss} to {result.Until.ToLocalTime():yyyy-MM-dd HH:mm:ss} in {result.ElapsedMs} ms"));
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString() ?? string.Empty,
        JsonElement { ValueKind: JsonValueKind.Null } => "-",
        JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var d) && d != Math.Floor(d) =>
            d.ToString("0.###", CultureInfo.InvariantCulture),
        JsonElement element => element.GetRawText(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
