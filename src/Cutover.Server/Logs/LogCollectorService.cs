using Cutover.Local.Logs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Logs;

/// <summary>
/// Runs the <see cref="LogCollector"/> in the control plane: a pass as soon as the last one stored anything, else
/// every <see cref="PollInterval"/>; the manifest's retention every <see cref="RetentionInterval"/> (logged, not
/// audited: deleting old logs is housekeeping, not a release event).
/// </summary>
internal sealed partial class LogCollectorService(
    ControlPlaneOptions options,
    LogDatabase database,
    ControlPlaneLogSink sink,
    TimeProvider time,
    ILogger<LogCollectorService> logger,
    Platform.LocalPlatform? platform = null) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource<LogCollector> _collector = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running collector, once the store is open.</summary>
    public LogCollector? Collector => _collector.Task.IsCompletedSuccessfully ? _collector.Task.Result : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqliteLogStore store;
        try
        {
            store = await database.GetStoreAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            LogStoreFailed(logger, LogDatabase.DatabasePath(options), ex);
            return;
        }

        using var collector = new LogCollector(
            store,
            new LogCollectorOptions { LogDirectory = LogDatabase.LogDirectory(options), MetricFilters = options.Manifest.Logs.MetricFilters, IsInstanceRunning = platform is null ? null : platform.IsInstanceRunning },
            time);
        _collector.TrySetResult(collector);
        var retention = options.Manifest.Logs.Retention;
        var nextRetention = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var stored = 0;
            try
            {
                while (sink.TryTake(out var entry))
                {
                    collector.Enqueue(entry);
                }

                stored = await collector.CollectAsync(stoppingToken).ConfigureAwait(false);
                if (time.GetUtcNow() >= nextRetention)
                {
                    nextRetention = time.GetUtcNow() + RetentionInterval;
                    var result = await store.ApplyRetentionAsync(retention.MaxAge, retention.MaxSizeMb * 1024L * 1024L, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    if (result.DeletedByAge + result.DeletedBySize > 0)
                    {
                        LogRetention(logger, result.DeletedByAge, retention.MaxAge, result.DeletedBySize, retention.MaxSizeMb, result.BytesAfter / (1024.0 * 1024.0));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Log collection must never stop the control plane: a failed pass is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCollectFailed(logger, ex);
            }

            if (stored == 0)
            {
                try
                {
                    await Task.Delay(PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Log collection is off: the log store {Path} could not be opened")]
    private static partial void LogStoreFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Log collection pass failed; retrying")]
    private static partial void LogCollectFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Log retention deleted {ByAge} line(s) older than {MaxAge} and {BySize} line(s) over {MaxSizeMb} MiB; {SizeMb:0.0} MiB in use")]
    private static partial void LogRetention(ILogger logger, long byAge, TimeSpan maxAge, long bySize, int maxSizeMb, double sizeMb);
}
