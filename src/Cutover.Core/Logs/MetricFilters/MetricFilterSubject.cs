using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cutover.Core.Logs.MetricFilters;

/// <summary>
/// One line as metric filters see it: the raw UTF-8 text (for term patterns) and, parsed at most once however many
/// filters look, its JSON (for selectors). Works on the bytes as read, so a line costs no string unless a selector
/// needs a value.
/// </summary>
public sealed class MetricFilterSubject : IDisposable
{
    private JsonDocument? _json;
    private bool _parsed;

    /// <param name="utf8Line">The line as written, UTF-8; it must stay unchanged until the subject is disposed.</param>
    /// <param name="entry">The parsed line.</param>
    public MetricFilterSubject(ReadOnlyMemory<byte> utf8Line, LogEntry entry)
    {
        Utf8Line = utf8Line;
        Entry = entry;
    }

    public MetricFilterSubject(string line, LogEntry entry)
        : this(Encoding.UTF8.GetBytes(line), entry)
    {
    }

    /// <summary>The line as written, which term patterns search.</summary>
    public ReadOnlyMemory<byte> Utf8Line { get; }

    /// <summary>The parsed line, whose fields selectors fall back on.</summary>
    public LogEntry Entry { get; }

    /// <summary>True when the line contains <paramref name="utf8"/>, case-sensitively.</summary>
    internal bool Contains(ReadOnlySpan<byte> utf8) => Utf8Line.Span.IndexOf(utf8) >= 0;

    /// <summary>
    /// The value at <paramref name="path"/>: in the line's JSON, else in its <c>State</c> object (where
    /// Microsoft.Extensions.Logging puts a message's values), else the stored field of that name (level, message,
    /// timestamp, category, version, instance, traceId, spanId, eventId) so one selector works for any JSON shape.
    /// </summary>
    internal SelectedValue? Select(IReadOnlyList<string> path)
    {
        if (Json is { } root)
        {
            var found = Walk(root, path);
            if (found is null && root.TryGetProperty("State", out var state))
            {
                found = Walk(state, path);
            }

            if (found is not null)
            {
                return found;
            }
        }

        return path.Count == 1 ? Canonical(path[0]) : null;
    }

    private JsonElement? Json
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                if (Utf8Line.Span.TrimStart(" \t"u8).StartsWith("{"u8))
                {
                    try
                    {
                        _json = JsonDocument.Parse(Utf8Line);
                    }
                    catch (JsonException)
                    {
                        // Not JSON after all: selectors see only the stored fields.
                    }
                }
            }

            return _json?.RootElement.ValueKind == JsonValueKind.Object ? _json.RootElement : null;
        }
    }

    private static SelectedValue? Walk(JsonElement element, IReadOnlyList<string> path)
    {
        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => FromText(element.GetString() ?? string.Empty),
            JsonValueKind.Number => new SelectedValue(element.GetRawText(), element.GetDouble()),
            JsonValueKind.True or JsonValueKind.False => new SelectedValue(element.GetRawText(), null),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => new SelectedValue(element.GetRawText(), null),
        };
    }

    private SelectedValue? Canonical(string name)
    {
        var text = name.ToLowerInvariant() switch
        {
            "level" or "loglevel" => Entry.Level,
            "message" or "msg" => Entry.Message,
            "timestamp" => Entry.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            "category" => Entry.Category,
            "version" => Entry.Version,
            "instance" => Entry.Instance,
            "traceid" => Entry.TraceId,
            "spanid" => Entry.SpanId,
            "eventid" => Entry.EventId?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is null ? null : FromText(text);
    }

    private static SelectedValue FromText(string text) =>
        new(text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null);

    public void Dispose() => _json?.Dispose();
}
