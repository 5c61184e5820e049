using Cutover.Telemetry.Http;
using Cutover.Telemetry.Runtime;

namespace Cutover.Telemetry;

/// <summary>
/// Creates the library's meters when the host starts: instruments exist only once created, and the meter provider
/// (a dependency of <see cref="HttpMetrics"/>) must listen before the first measurement.
/// </summary>
internal sealed class TelemetryStartup(HttpMetrics http, ProcessMetrics process) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = (http, process);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
