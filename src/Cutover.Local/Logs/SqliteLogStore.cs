using System.Globalization;
using Cutover.Core.Logs;
using Cutover.Core.Logs.Queries;
using Microsoft.Data.Sqlite;

namespace Cutover.Local.Logs;

/// <summary>
/// Collected log lines in their own SQLite file (<c>logs.db</c>), apart from release state so log volume never slows a
/// release's writes. One writer connection appends batches in single transactions; an FTS5 trigram index over the
/// messages (detail=none: row ids only, a third of the size and cost of a full index) narrows substring searches to
/// candidate lines, which the exact check then confirms; queries and listings read on their own connections (WAL: readers never
/// wait for the writer). synchronous=NORMAL: a power cut may lose the last batches, which the files still hold and
/// are read again from the saved offsets.
/// </summary>
public sealed partial class SqliteLogStore : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS logs (
            id INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            level TEXT,
            version TEXT,
            instance TEXT,
            category TEXT,
            message TEXT NOT NULL,
            trace_id TEXT,
            span_id TEXT,
            event_id INTEGER,
            attributes TEXT);
        CREATE INDEX IF NOT EXISTS logs_ts ON logs (ts);
        CREATE VIRTUAL TABLE IF NOT EXISTS logs_fts USING fts5(message, content='', contentless_delete=1, tokenize='trigram case_sensitive 1', detail=none);
        CREATE TABLE IF NOT EXISTS log_meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS log_files (
            path TEXT PRIMARY KEY,
            offset INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS metric_counts (
            metric TEXT NOT NULL,
            version TEXT NOT NULL,
            second INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (metric, version, second)) WITHOUT ROWID;
        """;

    private const string Columns = "id, ts, level, version, instance, category, message, trace_id, span_id, event_id, attributes";

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteCommand? _insert;

    // The next line's id. Ids are assigned here rather than by AUTOINCREMENT (which costs a write per row): the
    // highest id ever given is saved with each batch, so ids keep rising even after retention empties the table,
    // and a follower's "after this id" never misses a line.
    private long _nextId;

    private SqliteLogStore(string path, SqliteConnection writer, string connectionString)
    {
        _path = path;
        _writer = writer;
        _connectionString = connectionString;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Opens (creating when missing) the log database at <paramref name="path"/>.</summary>
    public static async Task<SqliteLogStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Both only take effect before the first table exists. 16 KiB pages: about a sixth faster bulk inserts than 4 KiB;
        // auto_vacuum lets retention hand pages back to the disk.
        await ExecuteAsync(writer, "PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(writer, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(writer, Schema, cancellationToken).ConfigureAwait(false);
        await using var last = writer.CreateCommand();
        last.CommandText = "SELECT max(coalesce((SELECT max(id) FROM logs), 0), coalesce((SELECT value FROM log_meta WHERE key = 'last_id'), 0))";
        var lastId = Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

        // The line count is kept in log_meta so statistics never scan the table; counted once for a database without it.
        await ExecuteAsync(writer, "INSERT INTO log_meta (key, value) SELECT 'lines', count(*) FROM logs WHERE true ON CONFLICT (key) DO NOTHING", cancellationToken).ConfigureAwait(false);
        return new SqliteLogStore(fullPath, writer, connectionString) { _nextId = lastId + 1 };
    }

    /// <summary>
    /// Stores a batch in one transaction: the lines, their full-text index entries, the files' new offsets and the
    /// metric-filter counts. Either all of it is stored or none.
    /// </summary>
    public async Task AppendAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction();
            var first = _nextId;
            if (batch.Entries.Count > 0)
            {
                InsertEntries(transaction, batch.Entries, first);

                // One statement indexes the whole batch: far cheaper than one FTS insert per line.
                using var index = Command(transaction, "INSERT INTO logs_fts (rowid, message) SELECT id, message FROM logs WHERE id >= $first");
                index.Parameters.AddWithValue("$first", first);
                index.ExecuteNonQuery();
                using var highWater = Command(transaction, "INSERT INTO log_meta (key, value) VALUES ('last_id', $last) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                highWater.Parameters.AddWithValue("$last", first + batch.Entries.Count - 1);
                highWater.ExecuteNonQuery();
                AddToLineCount(transaction, batch.Entries.Count);
            }

            foreach (var (file, offset) in batch.FileOffsets)
            {
                using var save = Command(transaction, "INSERT INTO log_files (path, offset) VALUES ($path, $offset) ON CONFLICT (path) DO UPDATE SET offset = excluded.offset");
                save.Parameters.AddWithValue("$path", file);
                save.Parameters.AddWithValue("$offset", offset);
                save.ExecuteNonQuery();
            }

            foreach (var count in batch.MetricCounts)
            {
                using var add = Command(transaction, """
                    INSERT INTO metric_counts (metric, version, second, value) VALUES ($metric, $version, $second, $value)
                    ON CONFLICT (metric, version, second) DO UPDATE SET value = value + excluded.value
                    """);
                add.Parameters.AddWithValue("$metric", count.Metric);
                add.Parameters.AddWithValue("$version", count.Version);
                add.Parameters.AddWithValue("$second", count.UnixSecond);
                add.Parameters.AddWithValue("$value", count.Value);
                add.ExecuteNonQuery();
            }

            transaction.Commit();
            _nextId = first + batch.Entries.Count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void AddToLineCount(SqliteTransaction transaction, long delta)
    {
        using var count = Command(transaction, "UPDATE log_meta SET value = value + $delta WHERE key = 'lines'");
        count.Parameters.AddWithValue("$delta", delta);
        count.ExecuteNonQuery();
    }

    /// <summary>Inserts the lines with one prepared statement, with consecutive ids from <paramref name="first"/>.</summary>
    private void InsertEntries(SqliteTransaction transaction, IReadOnlyList<LogEntry> entries, long first)
    {
        if (_insert is null)
        {
            _insert = _writer.CreateCommand();
            _insert.CommandText = """
                INSERT INTO logs (id, ts, level, version, instance, category, message, trace_id, span_id, event_id, attributes)
                VALUES ($id, $ts, $level, $version, $instance, $category, $message, $trace, $span, $event, $attributes)
                """;
            foreach (var name in new[] { "$id", "$ts", "$level", "$version", "$instance", "$category", "$message", "$trace", "$span", "$event", "$attributes" })
            {
                _insert.Parameters.Add(name, SqliteType.Text);
            }
        }

        _insert.Transaction = transaction;
        var parameters = _insert.Parameters;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            parameters[0].Value = first + i;
            parameters[1].Value = entry.Timestamp.ToUnixTimeMilliseconds();
            parameters[2].Value = (object?)entry.Level ?? DBNull.Value;
            parameters[3].Value = (object?)entry.Version ?? DBNull.Value;
            parameters[4].Value = (object?)entry.Instance ?? DBNull.Value;
            parameters[5].Value = (object?)entry.Category ?? DBNull.Value;
            parameters[6].Value = entry.Message;
            parameters[7].Value = (object?)entry.TraceId ?? DBNull.Value;
            parameters[8].Value = (object?)entry.SpanId ?? DBNull.Value;
            parameters[9].Value = (object?)entry.EventId ?? DBNull.Value;
            parameters[10].Value = (object?)entry.Attributes ?? DBNull.Value;
            _insert.ExecuteNonQuery();
        }
    }

    /// <summary>How far each file was read, as saved with the last batch from it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetFileOffsetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, offset FROM log_files";
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            offsets[reader.GetString(0)] = reader.GetInt64(1);
        }

        return offsets;
    }

    /// <summary>Runs a planned query over the lines from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive).</summary>
    public async Task<LogQueryResult> QueryAsync(LogQueryPlan plan, DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var compiled = SqliteLogQueryCompiler.Compile(plan, from, until);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = compiled.Sql;
        foreach (var (name, value) in compiled.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<IReadOnlyList<object?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[compiled.Formats.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null
                    : compiled.Formats[i] == LogColumnFormat.Timestamp ? FormatTimestamp(reader.GetInt64(i))
                    : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new LogQueryResult([.. plan.Columns.Select(c => c.Name)], rows);
    }

    /// <summary>Lines by the filter: the newest <see cref="LogListFilter.Limit"/>, or those after an id; oldest first either way.</summary>
    public async Task<IReadOnlyList<LogEntry>> ListAsync(LogListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = SqliteLogQueryCompiler.CompileFilter(filter);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = filter.AfterId is null
            ? $"SELECT {Columns} FROM logs WHERE {where} ORDER BY ts DESC, id DESC LIMIT $limit"
            : $"SELECT {Columns} FROM logs WHERE {where} ORDER BY id LIMIT $limit";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, LogQueryPlan.MaxLimit));
        var entries = new List<LogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LogEntry
            {
                Id = reader.GetInt64(0),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                Level = NullableString(reader, 2),
                Version = NullableString(reader, 3),
                Instance = NullableString(reader, 4),
                Category = NullableString(reader, 5),
                Message = reader.GetString(6),
                TraceId = NullableString(reader, 7),
                SpanId = NullableString(reader, 8),
                EventId = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                Attributes = NullableString(reader, 10),
            });
        }

        if (filter.AfterId is null)
        {
            entries.Reverse();
        }

        return entries;
    }

    /// <summary>The sum a metric filter counted for one version over [<paramref name="from"/>, <paramref name="until"/>), by the lines' timestamps; 0 when nothing matched.</summary>
    public async Task<double> SumMetricAsync(string metric, string version, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT total(value) FROM metric_counts WHERE metric = $metric AND version = $version AND second >= $from AND second < $until";
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeSeconds());
        return Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<LogStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT value FROM log_meta WHERE key = 'lines'), 0), coalesce((SELECT value FROM log_meta WHERE key = 'last_id'), 0)";
        long lines, lastId;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            lines = reader.GetInt64(0);
            lastId = reader.GetInt64(1);
        }

        return new LogStoreStatistics(lines, await UsedBytesAsync(connection, cancellationToken).ConfigureAwait(false), FileBytes(), lastId);
    }

    private long FileBytes() =>
        new[] { _path, _path + "-wal" }.Select(p => new FileInfo(p)).Where(f => f.Exists).Sum(f => f.Length);

    /// <summary>Bytes in use: pages minus free pages. The file itself only shrinks when retention vacuums.</summary>
    private static async Task<long> UsedBytesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_size FROM pragma_page_size())";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetInt64(0) * reader.GetInt64(1);
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteLogFunctions.Register(connection);
        return connection;
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static string FormatTimestamp(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync().ConfigureAwait(false);
            }

            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
            _writeGate.Dispose();
        }
    }
}
