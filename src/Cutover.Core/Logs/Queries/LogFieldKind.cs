namespace Cutover.Core.Logs.Queries;

/// <summary>The stored fields of a log line, and <see cref="Attribute"/> for any property of a structured line.</summary>
public enum LogFieldKind
{
    Timestamp,
    Message,
    Level,
    Category,
    Version,
    Instance,
    TraceId,
    SpanId,
    EventId,

    /// <summary>A property of the line's JSON (its message template's values, such as <c>StatusCode</c>), by <see cref="LogField.Path"/>.</summary>
    Attribute,
}
