using Cutover.Local.Logs;

namespace Cutover.Local.Tests.Logs;

/// <summary>A real log database in a temporary folder, deleted with it.</summary>
internal sealed class TemporaryLogStore : IAsyncDisposable
{
    private TemporaryLogStore(string directory, SqliteLogStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }

    public SqliteLogStore Store { get; }

    public string LogDirectory => Path.Combine(Directory, "logs");

    public static async Task<TemporaryLogStore> CreateAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cutover-logs-").FullName;
        return new TemporaryLogStore(directory, await SqliteLogStore.OpenAsync(Path.Combine(directory, "logs.db"), CancellationToken.None));
    }

    public Task<SqliteLogStore> ReopenAsync() => SqliteLogStore.OpenAsync(Path.Combine(Directory, "logs.db"), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
