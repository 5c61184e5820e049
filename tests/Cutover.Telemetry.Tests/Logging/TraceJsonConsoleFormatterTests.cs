using System.Diagnostics;
using System.Text.Json;
using Cutover.Telemetry.Logging;
using Cutover.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Telemetry.Tests.Logging;

public sealed class TraceJsonConsoleFormatterTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly TraceJsonConsoleFormatter _formatter = new(new FixedOptions(), new FakeTimeProvider(Noon));

    public void Dispose() => _formatter.Dispose();

    [Fact]
    public void Write_InsideActivity_WritesOneLineWithTraceAndSpanId()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var line = Write(new LogEntry<State>(LogLevel.Information, "Orders", new EventId(10), new State("GET / responded 200", ("StatusCode", 200)), null, State.Format));

        line.ShouldBe(
            "{\"Timestamp\":\"2026-03-01T12:00:00.250Z\",\"EventId\":10,\"LogLevel\":\"Information\",\"Category\":\"Orders\",\"Message\":\"GET / responded 200\","
            + $"\"TraceId\":\"{activity.TraceId.ToHexString()}\",\"SpanId\":\"{activity.SpanId.ToHexString()}\","
            + "\"State\":{\"Message\":\"GET / responded 200\",\"StatusCode\":200}}" + Environment.NewLine);
    }

    [Fact]
    public void Write_OutsideActivity_HasNoTraceId()
    {
        Activity.Current = null;

        var line = Write(new LogEntry<State>(LogLevel.Warning, "Orders", new EventId(1), new State("careful"), null, State.Format));

        using var json = JsonDocument.Parse(line);
        json.RootElement.TryGetProperty("TraceId", out _).ShouldBeFalse();
        json.RootElement.GetProperty("LogLevel").GetString().ShouldBe("Warning");
    }

    [Fact]
    public void Write_StateOfEveryKind_KeepsNumbersAndBooleansTyped()
    {
        Activity.Current = null;
        var state = new State("m", ("Int", 3), ("Double", 0.5), ("NaN", double.NaN), ("Flag", true), ("Null", null), ("Text", "a\"b"), ("When", TimeSpan.FromSeconds(1)));

        var line = Write(new LogEntry<State>(LogLevel.Information, "C", default, state, new InvalidOperationException("boom"), State.Format));

        using var json = JsonDocument.Parse(line);
        var values = json.RootElement.GetProperty("State");
        values.GetProperty("Int").GetInt32().ShouldBe(3);
        values.GetProperty("Double").GetDouble().ShouldBe(0.5);
        values.GetProperty("NaN").GetString().ShouldBe("NaN");
        values.GetProperty("Flag").GetBoolean().ShouldBeTrue();
        values.GetProperty("Null").ValueKind.ShouldBe(JsonValueKind.Null);
        values.GetProperty("Text").GetString().ShouldBe("a\"b");
        values.GetProperty("When").GetString().ShouldBe("00:00:01");
        json.RootElement.GetProperty("Exception").GetString()!.ShouldStartWith("System.InvalidOperationException: boom");
    }

    private string Write(LogEntry<State> entry)
    {
        using var writer = new StringWriter();
        _formatter.Write(in entry, scopeProvider: null, writer);
        return writer.ToString();
    }

    private sealed class State(string message, params (string Key, object? Value)[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static readonly Func<State, Exception?, string> Format = static (state, _) => state.ToString();

        private readonly List<KeyValuePair<string, object?>> _values = [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value))];

        public int Count => _values.Count;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }

    private sealed class FixedOptions : IOptionsMonitor<TraceJsonConsoleFormatterOptions>
    {
        public TraceJsonConsoleFormatterOptions CurrentValue { get; } = new();

        public TraceJsonConsoleFormatterOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<TraceJsonConsoleFormatterOptions, string?> listener) => null;
    }
}
