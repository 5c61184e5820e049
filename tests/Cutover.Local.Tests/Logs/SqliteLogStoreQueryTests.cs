using Cutover.Core.Logs.Queries;
using Cutover.Local.Logs;

namespace Cutover.Local.Tests.Logs;

public sealed class SqliteLogStoreQueryTests : IAsyncLifetime
{
    private TemporaryLogStore _logs = null!;

    public async Task InitializeAsync()
    {
        _logs = await TemporaryLogStore.CreateAsync();
        await _logs.Store.AppendAsync(LogBatch.Of(LogDataSet.Entries), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _logs.DisposeAsync();

    [Fact]
    public async Task QueryAsync_FilterStatsCountByBinAndSort_ReturnsTheKnownCounts()
    {
        var result = await QueryAsync("filter level = \"Error\" and @message like /timeout/ | stats count() by bin(1m) | sort count desc");

        result.Columns.ShouldBe(["bin(1m)", "count()"]);
        result.Rows.ShouldBe(
        [
            [LogDataSet.At(3), 3L],
            [LogDataSet.At(1), 2L],
            [LogDataSet.At(0), 1L],
        ]);
    }

    [Fact]
    public async Task QueryAsync_CaseInsensitiveRegex_AlsoMatchesOtherCases()
    {
        var result = await QueryAsync("filter level = \"Error\" and @message like /(?i)time(d )?out/ | stats count() as errors by bin(1m) | filter errors > 2");

        result.Rows.ShouldBe([[LogDataSet.At(3), 4L]]);
    }

    [Fact]
    public async Task QueryAsync_StatsByVersion_AggregatesAttributes()
    {
        var result = await QueryAsync("stats count() as n, avg(DurationMs) as avgMs, max(DurationMs), pct(DurationMs, 50) as p50 by version | sort version");

        result.Columns.ShouldBe(["version", "n", "avgMs", "max(DurationMs)", "p50"]);
        result.Rows.ShouldBe(
        [
            ["v1", 6L, 4.5, 9.5, 2.5],
            ["v2", 6L, null, null, null],
        ]);
    }

    [Fact]
    public async Task QueryAsync_SeveralInstances_AreEachQueryable()
    {
        var result = await QueryAsync("stats count() as lines, count_distinct(level) as levels by instance | sort instance");

        result.Rows.ShouldBe(
        [
            [LogDataSet.V1First, 3L, 3L],
            [LogDataSet.V1Second, 3L, 2L],
            [LogDataSet.V2, 6L, 1L],
        ]);
    }

    [Fact]
    public async Task QueryAsync_FieldsSortLimit_ReturnsTheChosenColumnsInOrder()
    {
        var result = await QueryAsync("fields @timestamp, @message as text | filter instance = \"v2-18102-cccc\" | sort @timestamp asc | limit 2");

        result.Columns.ShouldBe(["@timestamp", "text"]);
        result.Rows.ShouldBe(
        [
            [LogDataSet.At(1, 0), "checkout failed: timeout after 30 s"],
            [LogDataSet.At(1, 30), "payment timeout"],
        ]);
    }

    [Fact]
    public async Task QueryAsync_NoCommands_ReturnsTheNewestLinesWithTheDefaultColumns()
    {
        var result = await QueryAsync("filter StatusCode >= 500");

        result.Columns.ShouldBe(["@timestamp", "level", "version", "instance", "@message"]);
        result.Rows.ShouldBe([[LogDataSet.At(2, 15), "Information", "v1", LogDataSet.V1Second, "GET / responded 500 in 9.5 ms"]]);
    }

    [Theory]
    [InlineData("filter @message like \"imeou\" | stats count()", 8L)]
    [InlineData("filter @message like \"Timeo\" | stats count()", 1L)]
    [InlineData("filter @message like \"ou\" | stats count()", 8L)]
    [InlineData("filter @message like \"checkout failed\" and @message like \"30 s\" | stats count()", 2L)]
    [InlineData("filter @message not like \"timeout\" | stats count()", 5L)]
    [InlineData("filter @message like \"timeout\" or level = \"Information\" | stats count()", 10L)]
    [InlineData("filter level >= \"Warning\" | stats count()", 9L)]
    [InlineData("filter level in [\"Warning\", \"Information\"] | stats count()", 4L)]
    [InlineData("filter not level = \"Error\" | stats count()", 4L)]
    [InlineData("filter missing = \"x\" | stats count()", 0L)]
    public async Task QueryAsync_Filter_CountsTheMatchingLines(string query, long count)
    {
        var result = await QueryAsync(query);

        result.Rows.ShouldBe([[count]]);
    }

    [Fact]
    public async Task QueryAsync_TimeRange_OnlyCountsLinesInIt()
    {
        var plan = LogQueryParser.Parse("stats count()").Plan!;

        var result = await _logs.Store.QueryAsync(plan, LogDataSet.Start.AddMinutes(1), LogDataSet.Start.AddMinutes(3), CancellationToken.None);

        result.Rows.ShouldBe([[5L]]);
    }

    private Task<LogQueryResult> QueryAsync(string query)
    {
        var parsed = LogQueryParser.Parse(query);
        parsed.Error.ShouldBeNull(parsed.Error?.ToString());
        return _logs.Store.QueryAsync(parsed.Plan!, null, null, CancellationToken.None);
    }
}
