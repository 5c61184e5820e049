using System.Diagnostics.Metrics;

namespace Cutover.Telemetry.Runtime;

/// <summary>
/// The process metrics under the names every Prometheus client library uses (<c>process_cpu_seconds_total</c>,
/// <c>process_resident_memory_bytes</c>), which dashboards and the memory alarm rely on. The runtime's own
/// <c>System.Runtime</c> meter adds GC, heap, thread pool and its CPU split by mode.
/// </summary>
internal sealed class ProcessMetrics
{
    public const string MeterName = "Cutover.Telemetry.Process";

    public ProcessMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter(
            "process.cpu",
            static () => Environment.CpuUsage.TotalTime.TotalSeconds,
            "s",
            "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process.resident_memory", static () => ResidentMemory.ReadBytes(), "By", "Resident memory size in bytes.");
    }
}
