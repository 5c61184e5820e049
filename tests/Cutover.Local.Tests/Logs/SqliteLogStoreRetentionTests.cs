using Cutover.Core.Logs;
using Cutover.Core.Logs.Queries;
using Cutover.Local.Logs;
using Cutover.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Local.Tests.Logs;

public sealed class SqliteLogStoreRetentionTests : IAsyncLifetime
{
    private TemporaryLogStore _logs = null!;

    public async Task InitializeAsync() => _logs = await TemporaryLogStore.CreateAsync();

    public async Task DisposeAsync() => await _logs.DisposeAsync();

    [Fact]
    public async Task ApplyRetentionAsync_LinesPastTheirAge_AreDeletedAndTheRestKept()
    {
        var time = new FakeTimeProvider(LogDataSet.Start);
        var days = Enumerable.Range(0, 10).Select(day => Entry(time.GetUtcNow().AddDays(day), $"day {day}")).ToList();
        await _logs.Store.AppendAsync(LogBatch.Of(days), CancellationToken.None);
        await _logs.Store.AppendAsync(new LogBatch([], new Dictionary<string, long>(), [new LogMetricCount("Failures", "v1", LogDataSet.Start.ToUnixTimeSeconds(), 1)]), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(10));

        var result = await _logs.Store.ApplyRetentionAsync(TimeSpan.FromDays(7), long.MaxValue, time.GetUtcNow(), CancellationToken.None);

        result.DeletedByAge.ShouldBe(3);
        result.DeletedBySize.ShouldBe(0);
        (await MessagesAsync()).ShouldBe([.. Enumerable.Range(3, 7).Select(day => $"day {day}")]);
        (await _logs.Store.SumMetricAsync("Failures", "v1", LogDataSet.Start, time.GetUtcNow(), CancellationToken.None)).ShouldBe(0);
        (await CountAsync("filter @message like \"day 1\"")).ShouldBe(0, "the full-text index forgets deleted lines");
    }

    [Fact]
    public async Task ApplyRetentionAsync_OverTheSizeLimit_DeletesTheOldestUntilUnder()
    {
        var time = new FakeTimeProvider(LogDataSet.Start);
        const int Lines = 20_000;
        var entries = Enumerable.Range(0, Lines)
            .Select(i => Entry(time.GetUtcNow().AddSeconds(i), $"line {i:D6} " + new string((char)('a' + (i % 26)), 150)))
            .ToList();
        await _logs.Store.AppendAsync(LogBatch.Of(entries), CancellationToken.None);
        var before = await _logs.Store.GetStatisticsAsync(CancellationToken.None);
        const long Limit = 1024 * 1024;

        var result = await _logs.Store.ApplyRetentionAsync(TimeSpan.FromDays(7), Limit, time.GetUtcNow().AddSeconds(Lines), CancellationToken.None);
        var after = await _logs.Store.GetStatisticsAsync(CancellationToken.None);
        var kept = await _logs.Store.ListAsync(new LogListFilter { Limit = LogQueryPlan.MaxLimit }, CancellationToken.None);

        before.DatabaseBytes.ShouldBeGreaterThan(4 * Limit);
        result.DeletedByAge.ShouldBe(0);
        result.DeletedBySize.ShouldBe(Lines - after.Lines);
        after.DatabaseBytes.ShouldBeLessThanOrEqualTo(Limit);
        result.BytesAfter.ShouldBe(after.DatabaseBytes);
        after.Lines.ShouldBeGreaterThan(0);
        kept[^1].Message.ShouldStartWith($"line {Lines - 1:D6}");
        kept[0].Message.ShouldStartWith($"line {Lines - after.Lines:D6}");
    }

    [Fact]
    public async Task AppendAsync_AfterRetentionEmptiedTheStoreAndARestart_IdsKeepRising()
    {
        var time = new FakeTimeProvider(LogDataSet.Start);
        await _logs.Store.AppendAsync(LogBatch.Of([Entry(time.GetUtcNow(), "first"), Entry(time.GetUtcNow(), "second")]), CancellationToken.None);
        var before = await _logs.Store.ListAsync(new LogListFilter(), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(8));
        await _logs.Store.ApplyRetentionAsync(TimeSpan.FromDays(7), long.MaxValue, time.GetUtcNow(), CancellationToken.None);
        await using var reopened = await _logs.ReopenAsync();

        await reopened.AppendAsync(LogBatch.Of([Entry(time.GetUtcNow(), "third")]), CancellationToken.None);
        var after = await reopened.ListAsync(new LogListFilter(), CancellationToken.None);

        before.Select(e => e.Id).ShouldBe([1L, 2L]);
        after.Select(e => (e.Id, e.Message)).ShouldBe([(3L, "third")]);
    }

    private static LogEntry Entry(DateTimeOffset at, string message) =>
        new() { Timestamp = at, Level = LogLevels.Information, Message = message, Version = "v1", Instance = "v1-1-aa" };

    private async Task<List<string>> MessagesAsync() =>
        [.. (await _logs.Store.ListAsync(new LogListFilter(), CancellationToken.None)).Select(e => e.Message)];

    private async Task<long> CountAsync(string query)
    {
        var result = await _logs.Store.QueryAsync(LogQueryParser.Parse(query + " | stats count()").Plan!, null, null, CancellationToken.None);
        return (long)result.Rows[0][0]!;
    }
}
