using Cutover.Core.Logs;

namespace Cutover.Local.Tests.Logs;

/// <summary>
/// A small known set of lines from three instances of two versions, at fixed times from 2026-01-01T00:00:00Z,
/// whose counts the query tests work out by hand.
/// </summary>
internal static class LogDataSet
{
    public const string V1First = "v1-18100-aaaa";
    public const string V1Second = "v1-18101-bbbb";
    public const string V2 = "v2-18102-cccc";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<LogEntry> Entries { get; } =
    [
        Line(0, 5, V1First, LogLevels.Information, "GET / responded 200 in 1.5 ms", """{"StatusCode":200,"DurationMs":1.5}"""),
        Line(0, 10, V1First, LogLevels.Error, "checkout failed: timeout after 30 s"),
        Line(0, 20, V1Second, LogLevels.Information, "GET / responded 200 in 2.5 ms", """{"StatusCode":200,"DurationMs":2.5}"""),
        Line(1, 0, V2, LogLevels.Error, "checkout failed: timeout after 30 s"),
        Line(1, 30, V2, LogLevels.Error, "payment timeout"),
        Line(1, 45, V2, LogLevels.Error, "database unavailable"),
        Line(2, 0, V1First, LogLevels.Warning, "slow request: timeout soon"),
        Line(2, 15, V1Second, LogLevels.Information, "GET / responded 500 in 9.5 ms", """{"StatusCode":500,"DurationMs":9.5}"""),
        Line(3, 1, V2, LogLevels.Error, "upstream Timeout"),
        Line(3, 2, V2, LogLevels.Error, "timeout"),
        Line(3, 3, V1Second, LogLevels.Error, "connect timeout"),
        Line(3, 4, V2, LogLevels.Error, "read timeout"),
    ];

    public static string At(int minute, int second = 0) =>
        (Start + new TimeSpan(0, minute, second)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    private static LogEntry Line(int minute, int second, string instance, string level, string message, string? attributes = null) => new()
    {
        Timestamp = Start + new TimeSpan(0, minute, second),
        Level = level,
        Message = message,
        Category = "Shop",
        Version = instance[..2],
        Instance = instance,
        Attributes = attributes,
    };
}
