using System.Collections.Concurrent;
using System.Threading.Channels;
using Cutover.Core.Logs;
using Cutover.Core.Logs.MetricFilters;

namespace Cutover.Local.Logs;

/// <summary>
/// Moves log lines into the store: every <c>*.log</c> in the log folder (files appear as instances start; a stopped
/// instance's file is read to its end), plus lines handed over with <see cref="Enqueue"/> (the control plane's own).
/// Each pass reads what is new, parses it, applies the metric filters and stores it in batches whose transaction also
/// saves the files' offsets, so a restarted control plane goes on where the last one stopped. One caller at a time:
/// a pass reads on the caller's thread and writes on one other.
/// </summary>
public sealed class LogCollector : IDisposable
{
    private readonly SqliteLogStore _store;
    private readonly LogCollectorOptions _options;
    private readonly TimeProvider _time;
    private readonly LogLineParser _parser = new();
    private readonly Dictionary<string, LogFileTailer> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _released = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LogEntry> _queue = new();
    private readonly IReadOnlyList<(MetricFilterPattern Pattern, string Metric, double Value)> _filters;
    private readonly bool _hasFilters;
    private readonly List<LogEntry> _batch = [];
    private readonly Dictionary<string, long> _batchOffsets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Metric, string Version, long Second), double> _batchCounts = [];
    private readonly byte[] _buffer;
    private ChannelWriter<LogBatch>? _pending;
    private bool _initialized;
    private long _linesCollected;
    private long _dropped;
    private long _lastCollectedTicks;

    public LogCollector(SqliteLogStore store, LogCollectorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _time = time;
        _buffer = new byte[options.ReadChunkBytes];
        _filters = [.. options.MetricFilters.Select(f => (MetricFilterPattern.Parse(f.Pattern).Pattern ?? throw new ArgumentException($"metric filter {f.Name} has an invalid pattern", nameof(options)), f.MetricName, f.Value))];
        _hasFilters = _filters.Count > 0;
    }

    /// <summary>Totals of the metric filters since this collector started.</summary>
    public LogMetricCounters Counters { get; } = new();

    /// <summary>Lines stored by this collector since it started.</summary>
    public long LinesCollected => Interlocked.Read(ref _linesCollected);

    /// <summary>Control-plane lines dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>When the last line was stored, by the collector's clock; null before the first.</summary>
    public DateTimeOffset? LastCollectedAt =>
        Interlocked.Read(ref _lastCollectedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Hands over a line to store with the next pass; thread-safe, never blocks, drops the line when the queue is full.</summary>
    public void Enqueue(LogEntry entry)
    {
        if (_queue.Count >= _options.MaxQueuedEntries)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _queue.Enqueue(entry);
    }

    /// <summary>
    /// One pass over every file and the queue; returns the lines stored. Reading and parsing go on while the previous
    /// batch is being written, on another thread: the two halves of ingestion use both cores.
    /// </summary>
    public async Task<int> CollectAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            foreach (var (path, offset) in await _store.GetFileOffsetsAsync(cancellationToken).ConfigureAwait(false))
            {
                _committed[path] = offset;
            }

            _initialized = true;
        }

        var batches = Channel.CreateBounded<LogBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => WriteAsync(batches.Reader, cancellationToken), CancellationToken.None);
        _pending = batches.Writer;
        Exception? readFailure = null;
        try
        {
            // Before anything is handed to the writer, which updates the offsets Discover reads.
            Discover();
            while (_queue.TryDequeue(out var entry))
            {
                _batch.Add(entry);
                await FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var tailer in _files.Values)
            {
                await ReadFileAsync(tailer, cancellationToken).ConfigureAwait(false);
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown below, once the writer has finished with what it was given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            readFailure = ex;
        }

        batches.Writer.Complete();
        var (stored, writeFailure) = await writer.ConfigureAwait(false);
        if ((writeFailure ?? readFailure) is { } failure)
        {
            // Lines read but not stored are read again on the next pass.
            _batch.Clear();
            _batchOffsets.Clear();
            _batchCounts.Clear();
            foreach (var (path, tailer) in _files)
            {
                tailer.Offset = _committed.GetValueOrDefault(path);
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        BoundFiles();
        return stored;
    }

    /// <summary>
    /// Keeps raw instance logs bounded once their lines are stored: the stored part of a file is deallocated once it
    /// holds <see cref="LogCollectorOptions.MaxFileBytes"/> (<see cref="StoredBytes"/>: nothing the instance writes
    /// meanwhile is lost), and a stopped instance's fully stored file is deleted after its grace.
    /// </summary>
    private void BoundFiles()
    {
        foreach (var (path, tailer) in _files.ToList())
        {
            var committed = _committed.GetValueOrDefault(path);
            var released = _released.GetValueOrDefault(path);
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    continue;
                }

                if (_options.IsInstanceRunning is { } running && !running(tailer.File.Instance)
                    && info.Length == committed && tailer.LastLength == info.Length
                    && _time.GetElapsedTime(tailer.LastGrowthTimestamp) >= _options.StoppedFileGrace)
                {
                    File.Delete(path);
                    _files.Remove(path);
                    _released.Remove(path);
                    DeletedFiles++;
                }
                else if (committed - released >= _options.MaxFileBytes && StoredBytes.Release(path, committed))
                {
                    _released[path] = committed;
                    RotatedFiles++;
                }
            }
            catch (IOException)
            {
                // Tried again on the next pass.
            }
        }
    }

    /// <summary>Times the stored part of a raw file was deallocated, since start.</summary>
    public int RotatedFiles { get; private set; }

    /// <summary>Raw files of stopped instances deleted after their lines were stored, since start.</summary>
    public int DeletedFiles { get; private set; }

    /// <summary>Stores batches in order; after a failure, drops the rest so the reader never waits on a full channel.</summary>
    private async Task<(int Stored, Exception? Failure)> WriteAsync(ChannelReader<LogBatch> batches, CancellationToken cancellationToken)
    {
        var stored = 0;
        Exception? failure = null;
        await foreach (var batch in batches.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (failure is not null)
            {
                continue;
            }

            try
            {
                await _store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Handed back to CollectAsync, which rethrows it once the reader has stopped.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
                continue;
            }

            foreach (var (path, offset) in batch.FileOffsets)
            {
                _committed[path] = offset;
            }

            foreach (var count in batch.MetricCounts)
            {
                Counters.Add(count.Metric, count.Version, count.Value);
            }

            stored += batch.Entries.Count;
            Interlocked.Add(ref _linesCollected, batch.Entries.Count);
            if (batch.Entries.Count > 0)
            {
                Interlocked.Exchange(ref _lastCollectedTicks, _time.GetUtcNow().UtcTicks);
            }
        }

        return (stored, failure);
    }

    private void Discover()
    {
        foreach (var gone in _files.Keys.Where(path => !File.Exists(path)).ToList())
        {
            _files.Remove(gone);
        }

        if (!Directory.Exists(_options.LogDirectory))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(_options.LogDirectory, "*.log"))
        {
            if (!_files.ContainsKey(path))
            {
                _files[path] = new LogFileTailer(InstanceLogFile.FromPath(path), _committed.GetValueOrDefault(path));
            }
        }
    }

    private async Task ReadFileAsync(LogFileTailer tailer, CancellationToken cancellationToken)
    {
        var info = new FileInfo(tailer.File.Path);
        if (!info.Exists)
        {
            return;
        }

        var length = info.Length;
        var now = _time.GetTimestamp();
        if (length != tailer.LastLength)
        {
            tailer.LastLength = length;
            tailer.LastGrowthTimestamp = now;
        }

        if (length < tailer.Offset)
        {
            // Truncated or replaced: start over.
            tailer.Offset = 0;
        }

        while (tailer.Offset < length)
        {
            var read = tailer.Read(_buffer, length);
            if (read == 0)
            {
                break;
            }

            var start = tailer.Offset;
            var data = _buffer.AsSpan(0, read);
            var consumed = 0;
            var lines = new List<(int Start, int Length, int End)>();
            int newline;
            while ((newline = data[consumed..].IndexOf((byte)'\n')) >= 0)
            {
                lines.Add((consumed, newline, consumed + newline + 1));
                consumed += newline + 1;
            }

            var idle = _time.GetElapsedTime(tailer.LastGrowthTimestamp, now) >= _options.PartialLineTimeout;
            var rest = read - consumed;
            if (rest > 0 && (rest == _buffer.Length || (idle && start + read == length)))
            {
                // A line longer than the buffer is split; a last line whose writer stopped mid-way is taken as it is.
                lines.Add((consumed, rest, read));
                consumed = read;
            }

            foreach (var (lineStart, lineLength, lineEnd) in lines)
            {
                Add(tailer.File, _buffer.AsMemory(lineStart, lineLength), start + lineEnd);
                await FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
            }

            tailer.Offset = start + consumed;
            if (consumed == 0 || read < _buffer.Length)
            {
                break;
            }
        }
    }

    private void Add(InstanceLogFile file, ReadOnlyMemory<byte> line, long offsetAfter)
    {
        _batchOffsets[file.Path] = offsetAfter;
        if (line.Span.Trim(" \t\r"u8).IsEmpty)
        {
            return;
        }

        var entry = _parser.Parse(line.Span, file.Version, file.Instance, _time.GetUtcNow());
        _batch.Add(entry);
        if (_hasFilters && entry.Version is { } version)
        {
            using var subject = new MetricFilterSubject(line, entry);
            foreach (var (pattern, metric, value) in _filters)
            {
                if (pattern.Matches(subject))
                {
                    var key = (metric, version, entry.Timestamp.ToUnixTimeSeconds());
                    _batchCounts[key] = _batchCounts.GetValueOrDefault(key) + value;
                }
            }
        }
    }

    private ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        _batch.Count >= _options.BatchSize ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Hands the lines read so far, with the offsets and counts that go with them, to the writer.</summary>
    private ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0 && _batchOffsets.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var batch = new LogBatch(
            [.. _batch],
            new Dictionary<string, long>(_batchOffsets, StringComparer.Ordinal),
            [.. _batchCounts.Select(c => new LogMetricCount(c.Key.Metric, c.Key.Version, c.Key.Second, c.Value))]);
        _batch.Clear();
        _batchOffsets.Clear();
        _batchCounts.Clear();
        return _pending!.WriteAsync(batch, cancellationToken);
    }

    public void Dispose() => _parser.Dispose();
}
