using System.Diagnostics;
using System.Text.Json;
using Cutover.Core.Logs;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Logs;

/// <summary>
/// Writes the control plane's log lines to the log store (through <see cref="ControlPlaneLogSink"/>), structured
/// as an instance's JSON lines are: message, level, category, event id, the message's values and the exception as
/// attributes, and the current trace. Telemetry never throws: a line that cannot be written is dropped.
/// </summary>
internal sealed class ControlPlaneLogger(string category, ControlPlaneLogSink sink, TimeProvider time) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            var activity = Activity.Current;
            sink.Write(new LogEntry
            {
                Timestamp = time.GetUtcNow(),
                Level = logLevel.ToString(),
                Message = formatter(state, exception),
                Category = category,
                Instance = LogSources.ControlPlane,
                EventId = eventId.Id == 0 ? null : eventId.Id,
                TraceId = activity?.TraceId.ToHexString(),
                SpanId = activity?.SpanId.ToHexString(),
                Attributes = Attributes(state, exception),
            });
        }
#pragma warning disable CA1031 // Telemetry never throws: a value that cannot be formatted or serialised costs one line, not the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static string? Attributes<TState>(TState state, Exception? exception)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        if (exception is null && (values is null || values.All(v => v.Key == OriginalFormat)))
        {
            return null;
        }

        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            if (key != OriginalFormat)
            {
                attributes[key] = value is null or string or bool or int or long or double or float or decimal ? value : value.ToString();
            }
        }

        if (exception is not null)
        {
            attributes["Exception"] = exception.ToString();
        }

        return JsonSerializer.Serialize(attributes);
    }
}
