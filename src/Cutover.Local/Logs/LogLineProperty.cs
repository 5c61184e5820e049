namespace Cutover.Local.Logs;

/// <summary>The JSON properties <see cref="LogLineParser"/> maps to stored fields.</summary>
internal enum LogLineProperty
{
    None,
    Timestamp,
    Level,
    Message,
    Category,
    EventId,
    TraceId,
    SpanId,
    State,
    Scopes,
}
