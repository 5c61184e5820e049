using Cutover.SampleService.Configuration;
using Cutover.SampleService.Logging;

namespace Cutover.SampleService.Faults;

/// <summary>
/// The memory-growth fault: every tick it tops the ballast up to rate × elapsed time, so RSS grows at the configured
/// MiB per second however late the ticks come.
/// </summary>
internal sealed class MemoryGrowthService(
    SampleOptions options,
    MemoryBallast ballast,
    TimeProvider timeProvider,
    ILogger<MemoryGrowthService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bytesPerSecond = options.Faults.MemoryGrowthMbPerSecond * 1024 * 1024;
        if (bytesPerSecond <= 0)
        {
            return;
        }

        var start = timeProvider.GetTimestamp();
        var lastLog = start;
        using var timer = new PeriodicTimer(Tick, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                ballast.GrowTo((long)(timeProvider.GetElapsedTime(start).TotalSeconds * bytesPerSecond));
                if (timeProvider.GetElapsedTime(lastLog) >= LogEvery)
                {
                    lastLog = timeProvider.GetTimestamp();
                    Log.MemoryHeld(logger, ballast.HeldBytes / (1024 * 1024));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: nothing to clean up, the memory goes with the process.
        }
    }
}
