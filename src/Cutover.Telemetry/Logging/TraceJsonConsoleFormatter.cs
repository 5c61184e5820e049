using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Cutover.Telemetry.Logging;

/// <summary>
/// One JSON object per line, shaped like the built-in JSON console formatter (<c>Timestamp</c>, <c>EventId</c>,
/// <c>LogLevel</c>, <c>Category</c>, <c>Message</c>, <c>Exception</c>, <c>State</c>) plus the <c>TraceId</c> and
/// <c>SpanId</c> of the current activity as top-level members, so log queries can join on them without digging into
/// scopes. Lines written outside any activity have neither.
/// </summary>
internal sealed class TraceJsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "cutover-json";

    private readonly TimeProvider _timeProvider;
    private readonly IDisposable? _optionsReload;
    private TraceJsonConsoleFormatterOptions _options;

    public TraceJsonConsoleFormatter(IOptionsMonitor<TraceJsonConsoleFormatterOptions> options, TimeProvider timeProvider)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Get(FormatterName);
        _optionsReload = options.OnChange((changed, name) =>
        {
            if (name == FormatterName)
            {
                _options = changed;
            }
        });
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
        {
            return;
        }

        var options = _options;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, options.JsonWriterOptions))
        {
            json.WriteStartObject();
            if (options.TimestampFormat is { } format)
            {
                json.WriteString("Timestamp", _timeProvider.GetUtcNow().ToString(format, CultureInfo.InvariantCulture));
            }

            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("LogLevel", LevelName(logEntry.LogLevel));
            json.WriteString("Category", logEntry.Category);
            json.WriteString("Message", message);
            if (Activity.Current is { } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("Exception", exception.ToString());
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> state)
            {
                json.WriteStartObject("State");
                json.WriteString("Message", logEntry.State.ToString());
                foreach (var (key, value) in state)
                {
                    WriteItem(json, key, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    public void Dispose() => _optionsReload?.Dispose();

    private static void WriteItem(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool flag:
                json.WriteBoolean(key, flag);
                break;
            case int or short or sbyte or byte or ushort:
                json.WriteNumber(key, Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case long or uint:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                json.WriteNumber(key, number);
                break;
            case decimal number:
                json.WriteNumber(key, number);
                break;
            case double or float when Convert.ToDouble(value, CultureInfo.InvariantCulture) is var number && double.IsFinite(number):
                json.WriteNumber(key, number);
                break;
            case IFormattable formattable:
                json.WriteString(key, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, value.ToString());
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };
}
