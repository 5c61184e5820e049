using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace Cutover.Telemetry.Logging;

/// <summary>Options of <see cref="TraceJsonConsoleFormatter"/>; timestamps are always UTC.</summary>
internal sealed class TraceJsonConsoleFormatterOptions : ConsoleFormatterOptions
{
    public TraceJsonConsoleFormatterOptions()
    {
        TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        UseUtcTimestamp = true;
    }

    // Relaxed escaping keeps quotes and '+' readable in log lines; the output is never embedded in HTML.
    public JsonWriterOptions JsonWriterOptions { get; set; } = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
