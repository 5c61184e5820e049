using System.Diagnostics;
using Cutover.Core.Logs;
using Cutover.Core.Logs.Queries;
using Cutover.Core.Manifest;
using Cutover.Local.Logs;
using Cutover.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Local.Tests.Logs;

public sealed class LogCollectorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(LogDataSet.Start);
    private TemporaryLogStore _logs = null!;

    public async Task InitializeAsync()
    {
        _logs = await TemporaryLogStore.CreateAsync();
        Directory.CreateDirectory(_logs.LogDirectory);
    }

    public async Task DisposeAsync() => await _logs.DisposeAsync();

    [Fact]
    public async Task CollectAsync_FilesWrittenBySeveralProcesses_StoresEveryLineWithItsInstanceAndVersion()
    {
        await WriteWithProcessAsync("v1-18100-aaaa", 300, "Information", "GET / responded 200");
        await WriteWithProcessAsync("v1-18101-bbbb", 200, "Information", "GET / responded 200");
        await WriteWithProcessAsync("v2-18102-cccc", 100, "Error", "checkout failed");
        using var collector = Collector();

        var stored = await collector.CollectAsync(CancellationToken.None);

        stored.ShouldBe(600);
        collector.LinesCollected.ShouldBe(600);
        (await QueryAsync("stats count() by version, instance")).Rows.ShouldBe(
        [
            ["v1", "v1-18100-aaaa", 300L],
            ["v1", "v1-18101-bbbb", 200L],
            ["v2", "v2-18102-cccc", 100L],
        ]);
        (await QueryAsync("filter level = \"Error\" | stats count() by version")).Rows.ShouldBe([["v2", 100L]]);
    }

    [Fact]
    public async Task CollectAsync_FileGrows_StoresOnlyNewWholeLinesAndAPartialLineAfterItsTimeout()
    {
        var file = Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log");
        await File.WriteAllTextAsync(file, Json("first") + "\n" + Json("second")[..20]);
        using var collector = Collector();

        var first = await collector.CollectAsync(CancellationToken.None);
        await File.AppendAllTextAsync(file, Json("second")[20..] + "\n" + "plain tail without newline");
        var second = await collector.CollectAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        var third = await collector.CollectAsync(CancellationToken.None);
        var fourth = await collector.CollectAsync(CancellationToken.None);

        (first, second, third, fourth).ShouldBe((1, 1, 1, 0));
        (await MessagesAsync()).ShouldBe(["first", "second", "plain tail without newline"]);
    }

    [Fact]
    public async Task CollectAsync_NewCollectorAfterARestart_GoesOnWhereTheLastOneStopped()
    {
        var file = Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log");
        await File.WriteAllTextAsync(file, Json("one") + "\n" + Json("two") + "\n");
        using (var before = Collector())
        {
            await before.CollectAsync(CancellationToken.None);
        }

        await File.AppendAllTextAsync(file, Json("three") + "\n");
        await using var reopened = await _logs.ReopenAsync();
        using var after = new LogCollector(reopened, new LogCollectorOptions { LogDirectory = _logs.LogDirectory }, _time);

        var stored = await after.CollectAsync(CancellationToken.None);

        stored.ShouldBe(1);
        (await MessagesAsync()).ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public async Task CollectAsync_MetricFilters_CountMatchingLinesPerVersion()
    {
        await File.WriteAllLinesAsync(Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log"), [Json("checkout failed", "Error"), Json("ok"), Json("checkout failed", "Error")]);
        await File.WriteAllLinesAsync(Path.Combine(_logs.LogDirectory, "v2-18102-cccc.log"), [Json("checkout failed", "Error"), Json("ok"), Json("boom", "Error")]);
        MetricFilterSpec[] filters =
        [
            new() { Name = "checkout-failures", Pattern = "\"checkout failed\"", MetricName = "CheckoutFailures" },
            new() { Name = "errors", Pattern = "{ $.level = \"Error\" }", MetricName = "Errors", Value = 2 },
        ];
        using var collector = new LogCollector(_logs.Store, new LogCollectorOptions { LogDirectory = _logs.LogDirectory, MetricFilters = filters }, _time);

        await collector.CollectAsync(CancellationToken.None);

        collector.Counters.Snapshot().ShouldBe(
        [
            ("CheckoutFailures", "v1", 2.0),
            ("CheckoutFailures", "v2", 1.0),
            ("Errors", "v1", 4.0),
            ("Errors", "v2", 4.0),
        ]);
        var window = (LogDataSet.Start, LogDataSet.Start.AddMinutes(1));
        (await _logs.Store.SumMetricAsync("CheckoutFailures", "v1", window.Item1, window.Item2, CancellationToken.None)).ShouldBe(2);
        (await _logs.Store.SumMetricAsync("Errors", "v2", window.Item1, window.Item2, CancellationToken.None)).ShouldBe(4);
        (await _logs.Store.SumMetricAsync("Errors", "v2", window.Item2, window.Item2.AddMinutes(1), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task CollectAsync_EnqueuedControlPlaneLines_AreStoredWithTheFiles()
    {
        using var collector = Collector();
        collector.Enqueue(new LogEntry { Timestamp = LogDataSet.Start, Level = LogLevels.Warning, Message = "from the control plane", Instance = LogSources.ControlPlane });

        await collector.CollectAsync(CancellationToken.None);

        var entries = await _logs.Store.ListAsync(new LogListFilter { Instance = LogSources.ControlPlane }, CancellationToken.None);
        entries.Select(e => (e.Message, e.Version, e.Level)).ShouldBe([("from the control plane", (string?)null, LogLevels.Warning)]);
    }

    [Fact]
    public async Task CollectAsync_InstanceWritesPastTheFileBudget_DiskUseStaysBoundedAndNoLineIsLost()
    {
        const int Lines = 200_000;
        const long Budget = 256 * 1024;
        var file = Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log");
        using var collector = new LogCollector(_logs.Store, new LogCollectorOptions { LogDirectory = _logs.LogDirectory, MaxFileBytes = Budget }, _time);

        // One writer holding the file open with O_APPEND for the whole run, as an instance does: rotation must not lose
        // what it writes at the moment the stored part is released.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("i=0; while [ $i -lt \"$COUNT\" ]; do printf '%s %s\\n' \"$LINE\" $i; i=$((i+1)); [ $((i % 2000)) -eq 0 ] && sleep 0.02; done >> \"$FILE\"");
        info.Environment["COUNT"] = Lines.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LINE"] = new string('x', 200);
        info.Environment["FILE"] = file;
        using var writer = Process.Start(info)!;
        long maxAllocated = 0;
        long worstExcess = long.MinValue;
        var stored = 0;
        while (!writer.HasExited)
        {
            stored += await collector.CollectAsync(CancellationToken.None);
            var allocated = AllocatedBytes(file);
            var unstored = new FileInfo(file).Length - StoredLength(stored);
            maxAllocated = Math.Max(maxAllocated, allocated);

            // What the disk holds beyond the lines not yet stored: the budget, plus a pass's worth before it is released.
            worstExcess = Math.Max(worstExcess, allocated - unstored);
        }

        await writer.WaitForExitAsync();
        for (var pass = 0; pass < 5; pass++)
        {
            stored += await collector.CollectAsync(CancellationToken.None);
        }

        var written = new FileInfo(file).Length;
        Console.WriteLine($"wrote {written / 1024} KiB, at most {maxAllocated / 1024} KiB on disk, at most {worstExcess / 1024} KiB beyond unstored lines, {collector.RotatedFiles} release(s)");
        stored.ShouldBe(Lines);
        written.ShouldBeGreaterThan(Budget * 20);
        collector.RotatedFiles.ShouldBeGreaterThan(0);
        AllocatedBytes(file).ShouldBeLessThan(2 * Budget);
        worstExcess.ShouldBeLessThan(Budget + (4 * 1024 * 1024) + (64 * 1024), "the blocks of stored lines are released: beyond unstored lines the file holds at most the budget and one read chunk");
    }

    [Fact]
    public async Task CollectAsync_StoppedInstanceFullyStored_DeletesItsFileAfterTheGrace()
    {
        await WriteWithProcessAsync("v1-18100-aaaa", 10, "Information", "bye");
        await WriteWithProcessAsync("v1-18101-bbbb", 10, "Information", "still here");
        using var collector = new LogCollector(
            _logs.Store,
            new LogCollectorOptions { LogDirectory = _logs.LogDirectory, IsInstanceRunning = id => id == "v1-18101-bbbb", StoppedFileGrace = TimeSpan.FromMinutes(1) },
            _time);

        (await collector.CollectAsync(CancellationToken.None)).ShouldBe(20);
        var kept = File.Exists(Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log"));
        _time.Advance(TimeSpan.FromMinutes(2));
        await collector.CollectAsync(CancellationToken.None);

        kept.ShouldBeTrue("a stopped instance's file is kept during its grace");
        File.Exists(Path.Combine(_logs.LogDirectory, "v1-18100-aaaa.log")).ShouldBeFalse();
        File.Exists(Path.Combine(_logs.LogDirectory, "v1-18101-bbbb.log")).ShouldBeTrue("a running instance's file is never deleted");
        (await MessagesAsync()).Count.ShouldBe(20);
    }

    /// <summary>Bytes of the writer's first <paramref name="lines"/> lines: 200 x's, a space, the index, a newline.</summary>
    private static long StoredLength(int lines)
    {
        long total = 0;
        for (var i = 0; i < lines; i++)
        {
            total += 202 + i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        }

        return total;
    }

    /// <summary>Bytes the file system holds for the file (du), not its length.</summary>
    private static long AllocatedBytes(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%b %B", path]) { RedirectStandardOutput = true })!;
        var parts = stat.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
        stat.WaitForExit();
        return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private LogCollector Collector() => new(_logs.Store, new LogCollectorOptions { LogDirectory = _logs.LogDirectory }, _time);

    private static string Json(string message, string level = "Information") =>
        $$"""{"Timestamp":"2026-01-01T00:00:01.000Z","EventId":10,"LogLevel":"{{level}}","Category":"Shop","Message":"{{message}}"}""";

    /// <summary>Appends lines the way an instance does: a real process writing to the file.</summary>
    private async Task WriteWithProcessAsync(string instance, int count, string level, string message)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("i=0; while [ $i -lt \"$COUNT\" ]; do printf '%s\\n' \"$LINE\"; i=$((i+1)); done >> \"$FILE\"");
        info.Environment["COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LINE"] = Json(message, level);
        info.Environment["FILE"] = Path.Combine(_logs.LogDirectory, instance + ".log");
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
    }

    private async Task<List<string>> MessagesAsync() =>
        [.. (await _logs.Store.ListAsync(new LogListFilter(), CancellationToken.None)).Select(e => e.Message)];

    private Task<LogQueryResult> QueryAsync(string query) =>
        _logs.Store.QueryAsync(LogQueryParser.Parse(query).Plan!, null, null, CancellationToken.None);
}
