using Cutover.Telemetry.Http;
using Cutover.Telemetry.Metrics;
using Cutover.Telemetry.Runtime;

namespace Cutover.Telemetry;

/// <summary>
/// Creates the exporter and the library's meters when the host starts: instruments exist only once created, and the
/// exporter must listen before the first measurement.
/// </summary>
internal sealed class TelemetryStartup(PrometheusExporter exporter, HttpMetrics http, ProcessMetrics process) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = (exporter, http, process);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
