using Cutover.Local.Logs;

namespace Cutover.Server.Logs;

/// <summary>
/// The control plane's log store, <c>&lt;stateDir&gt;/logs.db</c>, opened on first use by whichever comes first: the
/// collector or an API call. Apart from <c>cutover.db</c>, so log volume never slows release state writes.
/// </summary>
internal sealed class LogDatabase(ControlPlaneOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<SqliteLogStore>> _store = new(
        () => SqliteLogStore.OpenAsync(DatabasePath(options), CancellationToken.None),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static string DatabasePath(ControlPlaneOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), "logs.db");

    /// <summary>Where instances write their output: the folder <c>LocalPlatform</c> gives <c>ProcessInstanceRuntime</c>.</summary>
    public static string LogDirectory(ControlPlaneOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), "logs");

    public Task<SqliteLogStore> GetStoreAsync(CancellationToken cancellationToken) => _store.Value.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store.IsValueCreated && _store.Value.IsCompletedSuccessfully)
        {
            await _store.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
