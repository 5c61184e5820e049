using System.Diagnostics.Metrics;
using Cutover.SampleService.Configuration;

namespace Cutover.SampleService.Metrics;

/// <summary>
/// The sample's own gauges, exported by Cutover.Telemetry next to the request and runtime metrics:
/// <c>cutover_memory_limit_bytes</c> (the memory alarm divides resident memory by it) and
/// <c>cutover_build_info{version,instance}</c>. A hosted service only so the host creates it, and with it the
/// instruments, at start-up.
/// </summary>
internal sealed class SampleMetrics : IHostedService
{
    public const string MeterName = "Cutover.SampleService";

    public SampleMetrics(IMeterFactory meterFactory, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "cutover.memory_limit",
            () => options.MemoryLimitBytes,
            "By",
            "Memory budget of this instance in bytes; memory utilization is process_resident_memory_bytes / this.");
        meter.CreateObservableGauge(
            "cutover.build_info",
            () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", options.Version), new KeyValuePair<string, object?>("instance", options.InstanceId)),
            unit: null,
            description: "Version and instance of this process; the value is always 1.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
