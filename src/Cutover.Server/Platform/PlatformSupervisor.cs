using Cutover.Server.Releases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Platform;

/// <summary>
/// Watches what the control plane started: an instance of the serving version that exits is replaced (HAProxy's
/// health checks and retries keep requests off it meanwhile), and a HAProxy or Prometheus that exits is started again
/// (HAProxy with the traffic split it had).
/// During a release the engine owns the instances; the supervisor waits until it ends.
/// </summary>
public sealed partial class PlatformSupervisor(
    LocalPlatform platform,
    ReleaseCoordinator coordinator,
    TimeProvider time,
    ILogger<PlatformSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await coordinator.ResumeInterruptedAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckInterval, time, stoppingToken).ConfigureAwait(false);
                await platform.RestartExitedHaproxyAsync(stoppingToken).ConfigureAwait(false);
                await platform.RestartExitedPrometheusAsync(stoppingToken).ConfigureAwait(false);
                await coordinator.WhenIdleAsync(ct => platform.ReplaceExitedInstancesAsync(ct), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The supervisor must outlive any single failed repair; the next round tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRepairFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Supervisor could not repair the platform; retrying")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception);
}
