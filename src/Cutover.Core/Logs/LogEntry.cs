namespace Cutover.Core.Logs;

/// <summary>
/// One log line as Cutover stores it: the fields every line has, the instance and version it came from, and the
/// rest of a structured line's properties as a JSON object.
/// </summary>
public sealed record LogEntry
{
    /// <summary>The store's sequence number, increasing in ingestion order; 0 before the line is stored.</summary>
    public long Id { get; init; }

    /// <summary>When the line was written: the line's own timestamp, or when it was read for a line without one.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>One of <see cref="LogLevels.All"/>, or null for a plain-text line whose level is unknown.</summary>
    public string? Level { get; init; }

    public required string Message { get; init; }

    /// <summary>The logger's category, such as <c>Cutover.SampleService</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The service version of the instance that wrote the line; null for the control plane's own lines.</summary>
    public string? Version { get; init; }

    /// <summary>The instance that wrote the line, or <see cref="LogSources.ControlPlane"/>.</summary>
    public string? Instance { get; init; }

    /// <summary>W3C trace id (32 hex digits), when the line carries one.</summary>
    public string? TraceId { get; init; }

    /// <summary>W3C span id (16 hex digits), when the line carries one.</summary>
    public string? SpanId { get; init; }

    public int? EventId { get; init; }

    /// <summary>Every other property of a structured line (its message template's values, the exception), as a JSON object.</summary>
    public string? Attributes { get; init; }
}
