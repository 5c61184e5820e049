using System.Buffers;
using System.Text;
using System.Text.Json;
using Cutover.Core.Logs;

namespace Cutover.Local.Logs;

/// <summary>
/// Turns one line of an instance's output into a <see cref="LogEntry"/>. A JSON object is read the way
/// Microsoft.Extensions.Logging's JSON console writes it (Timestamp, LogLevel, Category, Message, EventId, State,
/// Scopes, Exception), with common alternative names (timestamp, level, msg, traceId ...); <c>State</c>'s values and
/// any other property become <see cref="LogEntry.Attributes"/>. Anything else is a plain-text line. Not thread-safe:
/// one parser per reader reuses its buffers.
/// </summary>
public sealed class LogLineParser : IDisposable
{
    // The message template repeats what Message already says; storing it for every line would only cost space.
    private static readonly byte[] OriginalFormat = "{OriginalFormat}"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _attributes = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, string> _categories = new(StringComparer.Ordinal);

    public LogLineParser() => _writer = new Utf8JsonWriter(_attributes, new JsonWriterOptions { SkipValidation = true });

    /// <summary>Parses <paramref name="line"/> (UTF-8, without its newline).</summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="version">The version of the instance that wrote it; null for the control plane.</param>
    /// <param name="instance">The instance that wrote it.</param>
    /// <param name="readAt">The timestamp of a line that carries none.</param>
    public LogEntry Parse(ReadOnlySpan<byte> line, string? version, string? instance, DateTimeOffset readAt)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        var trimmed = line.TrimStart(" \t"u8);
        if (trimmed.Length > 1 && trimmed[0] == (byte)'{' && TryParseJson(trimmed, version, instance, readAt) is { } entry)
        {
            return entry;
        }

        return ParsePlain(Encoding.UTF8.GetString(line), version, instance, readAt);
    }

    private LogEntry? TryParseJson(ReadOnlySpan<byte> json, string? version, string? instance, DateTimeOffset readAt)
    {
        _attributes.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        var attributeCount = 0;
        DateTimeOffset? timestamp = null;
        string? level = null, message = null, category = null, traceId = null, spanId = null;
        int? eventId = null;
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Name(ref reader);
                reader.Read();
                switch (Known(name))
                {
                    case LogLineProperty.Timestamp when reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at):
                        timestamp = at;
                        break;
                    case LogLineProperty.Timestamp when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var unixMs):
                        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                        break;
                    case LogLineProperty.Level when reader.TokenType == JsonTokenType.String:
                        level = Level(ref reader);
                        break;
                    case LogLineProperty.Message when reader.TokenType == JsonTokenType.String:
                        message = reader.GetString();
                        break;
                    case LogLineProperty.Category when reader.TokenType == JsonTokenType.String:
                        category = Category(ref reader);
                        break;
                    case LogLineProperty.EventId when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var id):
                        eventId = id;
                        break;
                    case LogLineProperty.TraceId when reader.TokenType == JsonTokenType.String:
                        traceId = reader.GetString();
                        break;
                    case LogLineProperty.SpanId when reader.TokenType == JsonTokenType.String:
                        spanId = reader.GetString();
                        break;
                    case LogLineProperty.State when reader.TokenType == JsonTokenType.StartObject:
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var property = Name(ref reader);
                            reader.Read();

                            // The template, and the formatted message some formatters repeat in State, are stored once already.
                            if (property.SequenceEqual(OriginalFormat) || (message is not null && property.SequenceEqual("Message"u8)))
                            {
                                reader.Skip();
                                continue;
                            }

                            switch (Known(property))
                            {
                                case LogLineProperty.TraceId when reader.TokenType == JsonTokenType.String:
                                    traceId ??= reader.GetString();
                                    break;
                                case LogLineProperty.SpanId when reader.TokenType == JsonTokenType.String:
                                    spanId ??= reader.GetString();
                                    break;
                                default:
                                    CopyAttribute(ref reader, json, property, ref attributeCount);
                                    break;
                            }
                        }

                        break;
                    case LogLineProperty.Scopes when reader.TokenType == JsonTokenType.StartArray:
                        ReadScopes(ref reader, ref traceId, ref spanId);
                        break;
                    default:
                        CopyAttribute(ref reader, json, name, ref attributeCount);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (message is null && level is null && timestamp is null)
        {
            // JSON, but not a log record: keep the line whole as the message.
            return null;
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return new LogEntry
        {
            Timestamp = timestamp ?? readAt,
            Level = level,
            Message = message ?? string.Empty,
            Category = category,
            Version = version,
            Instance = instance,
            TraceId = traceId,
            SpanId = spanId,
            EventId = eventId,
            Attributes = attributeCount == 0 ? null : Encoding.UTF8.GetString(_attributes.WrittenSpan),
        };
    }

    /// <summary>The trace and span ids of an Activity scope (JSON console with IncludeScopes); other scopes are left out.</summary>
    private static void ReadScopes(ref Utf8JsonReader reader, ref string? traceId, ref string? spanId)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var kind = reader.ValueIsEscaped ? LogLineProperty.None : Known(reader.ValueSpan);
                reader.Read();
                if (kind == LogLineProperty.TraceId && reader.TokenType == JsonTokenType.String)
                {
                    traceId ??= reader.GetString();
                }
                else if (kind == LogLineProperty.SpanId && reader.TokenType == JsonTokenType.String)
                {
                    spanId ??= reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    /// <summary>A property's name as UTF-8 without escapes: a slice of the line, copied only when the line escaped it.</summary>
    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty) : reader.ValueSpan;

    private static string? Level(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var value = reader.ValueSpan;
            foreach (var level in LogLevels.All)
            {
                if (Encoding.UTF8.GetByteCount(level) == value.Length && Ascii.Equals(value, level))
                {
                    return level;
                }
            }
        }

        var text = reader.GetString();
        return LogLevels.Normalize(text) ?? text;
    }

    /// <summary>Categories repeat on every line: each distinct one is allocated once.</summary>
    private string? Category(ref Utf8JsonReader reader)
    {
        const int MaxCached = 4096;
        Span<char> buffer = stackalloc char[256];
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length || !Encoding.UTF8.TryGetChars(reader.ValueSpan, buffer, out var written))
        {
            return reader.GetString();
        }

        var lookup = _categories.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buffer[..written], out var known))
        {
            return known;
        }

        var category = new string(buffer[..written]);
        if (_categories.Count < MaxCached)
        {
            _categories[category] = category;
        }

        return category;
    }

    private void CopyAttribute(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> json, scoped ReadOnlySpan<byte> name, ref int count)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        _writer.WritePropertyName(name);
        _writer.WriteRawValue(json[start..end], skipInputValidation: true);
        count++;
    }

    private static LogLineProperty Known(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("Timestamp"u8) || name.SequenceEqual("timestamp"u8) || name.SequenceEqual("@timestamp"u8) || name.SequenceEqual("time"u8) || name.SequenceEqual("@t"u8))
        {
            return LogLineProperty.Timestamp;
        }

        if (name.SequenceEqual("LogLevel"u8) || name.SequenceEqual("level"u8) || name.SequenceEqual("Level"u8) || name.SequenceEqual("severity"u8) || name.SequenceEqual("@l"u8))
        {
            return LogLineProperty.Level;
        }

        if (name.SequenceEqual("Message"u8) || name.SequenceEqual("message"u8) || name.SequenceEqual("msg"u8) || name.SequenceEqual("@m"u8))
        {
            return LogLineProperty.Message;
        }

        if (name.SequenceEqual("Category"u8) || name.SequenceEqual("category"u8) || name.SequenceEqual("logger"u8) || name.SequenceEqual("SourceContext"u8))
        {
            return LogLineProperty.Category;
        }

        if (name.SequenceEqual("EventId"u8) || name.SequenceEqual("eventId"u8))
        {
            return LogLineProperty.EventId;
        }

        if (name.SequenceEqual("TraceId"u8) || name.SequenceEqual("traceId"u8) || name.SequenceEqual("trace_id"u8) || name.SequenceEqual("@tr"u8))
        {
            return LogLineProperty.TraceId;
        }

        if (name.SequenceEqual("SpanId"u8) || name.SequenceEqual("spanId"u8) || name.SequenceEqual("span_id"u8) || name.SequenceEqual("@sp"u8))
        {
            return LogLineProperty.SpanId;
        }

        return name.SequenceEqual("State"u8) ? LogLineProperty.State : name.SequenceEqual("Scopes"u8) ? LogLineProperty.Scopes : LogLineProperty.None;
    }

    /// <summary>
    /// A plain-text line: the level from a leading <c>fail:</c>, <c>warn:</c> (the .NET simple console) or
    /// <c>ERROR</c>-like word within the first two words; an unhandled .NET exception is critical.
    /// </summary>
    private static LogEntry ParsePlain(string line, string? version, string? instance, DateTimeOffset readAt)
    {
        string? level = null;
        if (line.StartsWith("Unhandled exception.", StringComparison.Ordinal))
        {
            level = LogLevels.Critical;
        }
        else
        {
            var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words.Take(2))
            {
                if (LogLevels.Normalize(word.Trim(':', '[', ']')) is { } found && (word.EndsWith(':') || word.StartsWith('[') || word.All(c => !char.IsLower(c))))
                {
                    level = found;
                    break;
                }
            }
        }

        return new LogEntry { Timestamp = readAt, Level = level, Message = line, Version = version, Instance = instance };
    }

    public void Dispose() => _writer.Dispose();
}
