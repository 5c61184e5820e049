namespace Cutover.Core.Logs.Queries;

/// <summary>A field a query reads: a stored field, or a property of structured lines by its dotted path.</summary>
/// <param name="Kind">Which stored field, or <see cref="LogFieldKind.Attribute"/>.</param>
/// <param name="Path">For an attribute, the property's path segments, such as <c>["StatusCode"]</c>; empty otherwise.</param>
public sealed record LogField(LogFieldKind Kind, IReadOnlyList<string> Path)
{
    // Several spellings per field: CloudWatch's @names, Microsoft.Extensions.Logging's JSON names and plain ones.
    private static readonly Dictionary<string, LogFieldKind> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@timestamp"] = LogFieldKind.Timestamp,
        ["timestamp"] = LogFieldKind.Timestamp,
        ["@message"] = LogFieldKind.Message,
        ["message"] = LogFieldKind.Message,
        ["msg"] = LogFieldKind.Message,
        ["@level"] = LogFieldKind.Level,
        ["level"] = LogFieldKind.Level,
        ["logLevel"] = LogFieldKind.Level,
        ["@category"] = LogFieldKind.Category,
        ["category"] = LogFieldKind.Category,
        ["@version"] = LogFieldKind.Version,
        ["version"] = LogFieldKind.Version,
        ["@instance"] = LogFieldKind.Instance,
        ["instance"] = LogFieldKind.Instance,
        ["@logStream"] = LogFieldKind.Instance,
        ["@traceId"] = LogFieldKind.TraceId,
        ["traceId"] = LogFieldKind.TraceId,
        ["trace_id"] = LogFieldKind.TraceId,
        ["@spanId"] = LogFieldKind.SpanId,
        ["spanId"] = LogFieldKind.SpanId,
        ["span_id"] = LogFieldKind.SpanId,
        ["@eventId"] = LogFieldKind.EventId,
        ["eventId"] = LogFieldKind.EventId,
    };

    public static LogField Timestamp { get; } = new(LogFieldKind.Timestamp, []);

    public static LogField Message { get; } = new(LogFieldKind.Message, []);

    public static LogField Level { get; } = new(LogFieldKind.Level, []);

    public static LogField Version { get; } = new(LogFieldKind.Version, []);

    public static LogField Instance { get; } = new(LogFieldKind.Instance, []);

    /// <summary>
    /// The field a name stands for: a stored field by any of its spellings (any case), otherwise an attribute. A
    /// leading <c>State.</c> is dropped: the JSON console logger nests a message's values there and Cutover stores them flat.
    /// </summary>
    public static LogField Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.TryGetValue(name, out var kind))
        {
            return new LogField(kind, []);
        }

        var path = name.StartsWith("State.", StringComparison.Ordinal) && name.Length > "State.".Length ? name["State.".Length..] : name;
        return new LogField(LogFieldKind.Attribute, path.Split('.'));
    }

    /// <summary>Equal when the kind and every path segment are; the generated equality would compare the list by reference.</summary>
    public bool Equals(LogField? other) => other is not null && Kind == other.Kind && Path.SequenceEqual(other.Path, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Path.Count == 0 ? string.Empty : Path[^1]);

    public override string ToString() => Kind == LogFieldKind.Attribute ? string.Join('.', Path) : "@" + char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString()[1..];
}
