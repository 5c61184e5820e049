using System.Text;
using Cutover.Core.Logs;
using Cutover.Local.Logs;

namespace Cutover.Local.Tests.Logs;

public sealed class LogLineParserTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_JsonConsoleLine_ReadsEveryFieldAndKeepsTheStateAsAttributes()
    {
        const string Line = """{"Timestamp":"2026-11-23T18:59:21.821Z","EventId":10,"LogLevel":"Information","Category":"Cutover.SampleService","Message":"GET / responded 200 in 0.41 ms","State":{"Method":"GET","Path":"/","StatusCode":200,"DurationMs":0.41,"{OriginalFormat}":"{Method} {Path} responded {StatusCode} in {DurationMs} ms"}}""";

        var entry = Parse(Line, "v2", "v2-18100-ab12");

        entry.ShouldBe(new LogEntry
        {
            Timestamp = new DateTimeOffset(2026, 11, 23, 18, 59, 21, 821, TimeSpan.Zero),
            Level = LogLevels.Information,
            Message = "GET / responded 200 in 0.41 ms",
            Category = "Cutover.SampleService",
            Version = "v2",
            Instance = "v2-18100-ab12",
            EventId = 10,
            Attributes = """{"Method":"GET","Path":"/","StatusCode":200,"DurationMs":0.41}""",
        });
    }

    [Fact]
    public void Parse_TraceIdsInScopesOrAtTheTop_AreStoredAsFields()
    {
        const string Scoped = """{"Timestamp":"2026-01-01T00:00:00.000Z","LogLevel":"Warning","Message":"slow","Scopes":[{"Message":"SpanId:1,TraceId:2","SpanId":"00f067aa0ba902b7","TraceId":"4bf92f3577b34da6a3ce929d0e0e4736","ParentId":"0000000000000000"},"Request starting"]}""";
        const string Flat = """{"timestamp":"2026-01-01T00:00:00Z","level":"error","msg":"boom","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","Exception":"System.Exception: boom"}""";

        var scoped = Parse(Scoped, "v1", "v1-1-aa");
        var flat = Parse(Flat, "v1", "v1-1-aa");

        scoped.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        scoped.SpanId.ShouldBe("00f067aa0ba902b7");
        scoped.Level.ShouldBe(LogLevels.Warning);
        scoped.Attributes.ShouldBeNull();
        flat.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        flat.Level.ShouldBe(LogLevels.Error);
        flat.Message.ShouldBe("boom");
        flat.Attributes.ShouldBe("""{"Exception":"System.Exception: boom"}""");
    }

    [Theory]
    [InlineData("fail: Something[0] it broke", "Error")]
    [InlineData("warn: Something[0] careful", "Warning")]
    [InlineData("12:00:01.000 info: Cutover.Thing[1] hello", "Information")]
    [InlineData("ERROR could not connect", "Error")]
    [InlineData("[WARN] disk almost full", "Warning")]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom", "Critical")]
    [InlineData("an error happened somewhere", null)]
    [InlineData("{not json at all", null)]
    public void Parse_PlainTextLine_KeepsTheLineAndGuessesTheLevel(string line, string? level)
    {
        var entry = Parse(line, "v1", "v1-1-aa");

        entry.Message.ShouldBe(line);
        entry.Level.ShouldBe(level);
        entry.Timestamp.ShouldBe(ReadAt);
        entry.Attributes.ShouldBeNull();
    }

    [Fact]
    public void Parse_JsonThatIsNotALogRecord_IsPlainText()
    {
        Parse("""{"a":1}""", null, "x").ShouldBe(new LogEntry { Timestamp = ReadAt, Message = """{"a":1}""", Instance = "x" });
    }

    private static LogEntry Parse(string line, string? version, string instance)
    {
        using var parser = new LogLineParser();
        return parser.Parse(Encoding.UTF8.GetBytes(line), version, instance, ReadAt);
    }
}
