using Microsoft.Data.Sqlite;

namespace Cutover.Local.Logs;

/// <summary>Retention: lines past their age go, then the oldest go while the database is over its size.</summary>
public sealed partial class SqliteLogStore
{
    // Deleting in chunks lets ingestion in between: one huge delete would hold the writer for seconds.
    private const int DeleteChunk = 20_000;

    // Size passes re-measure after each delete; the index does not shrink in exact proportion to the lines.
    private const int MaxSizePasses = 8;

    /// <summary>
    /// Deletes lines older than <paramref name="maxAge"/> (and metric counts as old), then, while the database uses more
    /// than <paramref name="maxBytes"/>, the oldest lines; gives the freed pages back to the file system.
    /// </summary>
    public async Task<LogRetentionResult> ApplyRetentionAsync(TimeSpan maxAge, long maxBytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - maxAge).ToUnixTimeMilliseconds();
        var byAge = await DeleteAsync("ts < $cutoff", cutoff, cancellationToken).ConfigureAwait(false);
        await WriteAsync(
            transaction =>
            {
                using var command = Command(transaction, "DELETE FROM metric_counts WHERE second < $cutoff");
                command.Parameters.AddWithValue("$cutoff", cutoff / 1000);
                command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);

        long bySize = 0;
        for (var pass = 0; pass < MaxSizePasses; pass++)
        {
            var used = await MeasureAsync(cancellationToken).ConfigureAwait(false);
            var lines = await ScalarAsync("SELECT value FROM log_meta WHERE key = 'lines'", cancellationToken).ConfigureAwait(false);
            if (used <= maxBytes || lines == 0)
            {
                break;
            }

            // The oldest share that brings the size under the limit, and 5% more so the next batches do not tip it over.
            var share = Math.Min(1.0, ((double)(used - maxBytes) / used) + 0.05);
            var count = Math.Max(1, (long)Math.Ceiling(lines * share));
            var newestDoomed = await ScalarAsync($"SELECT ts FROM logs ORDER BY ts LIMIT 1 OFFSET {count - 1}", cancellationToken).ConfigureAwait(false);
            bySize += await DeleteAsync("ts <= $cutoff", newestDoomed, cancellationToken).ConfigureAwait(false);
            await CompactAsync(cancellationToken).ConfigureAwait(false);
        }

        if (byAge > 0)
        {
            await CompactAsync(cancellationToken).ConfigureAwait(false);
        }

        return new LogRetentionResult(byAge, bySize, await MeasureAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deletes the lines matching <paramref name="condition"/> and their index entries, a chunk per transaction.</summary>
    private async Task<long> DeleteAsync(string condition, long cutoff, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            var chunk = 0;
            await WriteAsync(
                transaction =>
                {
                    using var doomed = Command(transaction, $"""
                        CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY);
                        DELETE FROM doomed;
                        INSERT INTO doomed SELECT id FROM logs WHERE {condition} LIMIT {DeleteChunk};
                        DELETE FROM logs_fts WHERE rowid IN (SELECT id FROM doomed);
                        DELETE FROM logs WHERE id IN (SELECT id FROM doomed);
                        """);
                    doomed.Parameters.AddWithValue("$cutoff", cutoff);
                    doomed.ExecuteNonQuery();
                    using var count = Command(transaction, "SELECT count(*) FROM doomed");
                    chunk = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                    AddToLineCount(transaction, -chunk);
                },
                cancellationToken).ConfigureAwait(false);
            deleted += chunk;
            if (chunk < DeleteChunk)
            {
                return deleted;
            }
        }
    }

    /// <summary>Merges full-text segments (dropping deleted entries) and returns free pages to the file system.</summary>
    private Task CompactAsync(CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                using var merge = Command(transaction, "INSERT INTO logs_fts (logs_fts, rank) VALUES ('merge', 2000)");
                merge.ExecuteNonQuery();
                using var vacuum = Command(transaction, "PRAGMA incremental_vacuum");
                vacuum.ExecuteNonQuery();
            },
            cancellationToken);

    private async Task WriteAsync(Action<SqliteTransaction> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction();
            write(transaction);
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await UsedBytesAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
