using Cutover.Core.Logs;
using Cutover.Local.Logs;
using Cutover.Server.Logs;
using Cutover.Server.Tests.Support;
using Cutover.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Server.Tests.Logs;

public sealed partial class LogCollectorServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private string _directory = null!;
    private ControlPlaneOptions _options = null!;

    public Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("cutover-logs-service-").FullName;
        _options = PlatformFixture.OptionsFor(PlatformFixture.ManifestYaml(PlatformFixture.NewPorts(), "logs: { retention: { maxAge: 1d } }"), _directory);
        Directory.CreateDirectory(LogDatabase.LogDirectory(_options));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ExecuteAsync_ClockPassesMaxAge_RetentionDeletesTheLinesPastIt()
    {
        var file = Path.Combine(LogDatabase.LogDirectory(_options), "v1-18100-aaaa.log");
        await File.WriteAllLinesAsync(file, [Line(Start.AddDays(-2), "too old already"), Line(Start, "fresh")]);
        var sink = new ControlPlaneLogSink();
        await using var database = new LogDatabase(_options);
        using var service = new LogCollectorService(_options, database, sink, _time, NullLogger<LogCollectorService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var store = await database.GetStoreAsync(CancellationToken.None);
        var first = await EventuallyAsync(store, messages => messages.SequenceEqual(["fresh"]));
        await File.AppendAllLinesAsync(file, [Line(Start.AddDays(1), "a day later")]);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));
        var second = await EventuallyAsync(store, messages => messages.Contains("a day later") && !messages.Contains("fresh"));
        await service.StopAsync(CancellationToken.None);

        first.ShouldBe(["fresh"]);
        second.ShouldBe(["a day later"]);
    }

    [Fact]
    public void Log_ControlPlaneLine_IsWrittenToTheSinkWithItsValuesAsAttributes()
    {
        var sink = new ControlPlaneLogSink();
        using var provider = new ControlPlaneLoggerProvider(sink, _time);
        var logger = provider.CreateLogger("Cutover.Server.Test");

        LogPaused(logger, new InvalidOperationException("boom"), "r-1", 30);

        sink.TryTake(out var entry).ShouldBeTrue();
        entry.ShouldBe(new LogEntry
        {
            Timestamp = Start,
            Level = LogLevels.Warning,
            Message = "Release r-1 paused for 30 s",
            Category = "Cutover.Server.Test",
            Instance = LogSources.ControlPlane,
            EventId = 7,
            Attributes = """{"ReleaseId":"r-1","Seconds":30,"Exception":"System.InvalidOperationException: boom"}""",
        });
    }

    private static string Line(DateTimeOffset at, string message) =>
        $$"""{"Timestamp":"{{at:yyyy-MM-ddTHH:mm:ss.fffZ}}","LogLevel":"Information","Message":"{{message}}"}""";

    // Each poll also moves the fake clock one PollInterval: the service may reach its Task.Delay only after the test
    // advanced the clock, and that delay would then never end.
    private async Task<List<string>> EventuallyAsync(SqliteLogStore store, Func<List<string>, bool> condition)
    {
        var clock = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var messages = (await store.ListAsync(new LogListFilter { Instance = "v1-18100-aaaa" }, CancellationToken.None)).Select(e => e.Message).ToList();
            if (condition(messages) || TimeProvider.System.GetElapsedTime(clock) > TimeSpan.FromSeconds(10))
            {
                return messages;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            _time.Advance(LogCollectorService.PollInterval);
        }
    }

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Release {ReleaseId} paused for {Seconds} s")]
    private static partial void LogPaused(ILogger logger, Exception exception, string releaseId, int seconds);
}
