using System.Text.Json;
using System.Text.Json.Serialization;
using Cutover.Core.Releases;
using Cutover.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Cutover.Local.Storage;

/// <summary>
/// Release state, the current deployment and the audit trail in one SQLite file. WAL with synchronous=FULL:
/// a saved transition survives a SIGKILL of the control plane. The audit table refuses UPDATE and DELETE.
/// </summary>
public sealed class SqliteReleaseStore : IReleaseStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // SQLite's result code for a write that found no space (SQLITE_FULL), also the base of its extended codes.
    private const int SqliteFull = 13;

    private readonly string _connectionString;
    private readonly string _path;

    private SqliteReleaseStore(string path)
    {
        _path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public static async Task<SqliteReleaseStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var store = new SqliteReleaseStore(path);
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
        return store;
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS releases (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            phase TEXT NOT NULL,
            state TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            release_id TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            detail TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_release ON audit (release_id, seq);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TABLE IF NOT EXISTS deployment (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL);
        """;

    public async Task SaveReleaseAsync(ReleaseState release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO releases (id, started_at, phase, state) VALUES ($id, $started, $phase, $state)
            ON CONFLICT (id) DO UPDATE SET phase = excluded.phase, state = excluded.state
            """;
        command.Parameters.AddWithValue("$id", release.Id);
        command.Parameters.AddWithValue("$started", release.StartedAt.ToString("O"));
        command.Parameters.AddWithValue("$phase", release.Phase.ToString());
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(release, Json));
        await WriteAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReleaseState?> GetReleaseAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM releases WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var json = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return json is null ? null : JsonSerializer.Deserialize<ReleaseState>(json, Json);
    }

    public async Task<IReadOnlyList<ReleaseState>> ListReleasesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM releases ORDER BY started_at DESC, rowid DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<ReleaseState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<ReleaseState>(reader.GetString(0), Json)!);
        }

        return list;
    }

    public async Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (release_id, at, actor, event, detail) VALUES ($release, $at, $actor, $event, $detail)
            RETURNING seq
            """;
        command.Parameters.AddWithValue("$release", entry.ReleaseId);
        command.Parameters.AddWithValue("$at", entry.At.ToString("O"));
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$event", entry.Event);
        command.Parameters.AddWithValue("$detail", entry.Detail);
        var sequence = (long)(await WriteAsync(command, cancellationToken).ConfigureAwait(false))!;
        return entry with { Sequence = sequence };
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? releaseId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The newest entries, returned oldest first so they read as a story.
        command.CommandText = """
            SELECT seq, release_id, at, actor, event, detail FROM (
                SELECT * FROM audit WHERE $release IS NULL OR release_id = $release ORDER BY seq DESC LIMIT $limit)
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$release", (object?)releaseId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return list;
    }

    public async Task SaveDeploymentAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO deployment (id, state) VALUES (1, $state) ON CONFLICT (id) DO UPDATE SET state = excluded.state";
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(deployment, Json));
        await WriteAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Deployment?> GetDeploymentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM deployment WHERE id = 1";
        var json = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return json is null ? null : JsonSerializer.Deserialize<Deployment>(json, Json);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a write; a full disk becomes a <see cref="DiskFullException"/> naming the database.</summary>
    private async Task<object?> WriteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when ((ex.SqliteExtendedErrorCode & 0xFF) == SqliteFull || DiskFullException.IsDiskFull(ex))
        {
            throw new DiskFullException(_path, ex);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
