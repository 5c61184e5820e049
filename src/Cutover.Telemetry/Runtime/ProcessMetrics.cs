using System.Diagnostics.Metrics;

namespace Cutover.Telemetry.Runtime;

/// <summary>
/// The process metrics under the names every Prometheus client library uses (<c>process_cpu_seconds_total</c>,
/// <c>process_resident_memory_bytes</c>), which dashboards and the memory alarm rely on. The runtime's own
/// <c>System.Runtime</c> meter adds GC, heap, thread pool and its CPU split by mode; its two thread-pool levels are
/// published here as gauges instead (see <see cref="Metrics.MetricViews.RuntimeLevelsPublishedAsCounters"/>).
/// </summary>
internal sealed class ProcessMetrics
{
    public const string MeterName = "Cutover.Telemetry.Process";

    /// <summary>Exported with the runtime's meter, so turning runtime metrics off turns these off too.</summary>
    public const string RuntimeLevelsMeterName = "Cutover.Telemetry.Runtime";

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

        var levels = meterFactory.Create(RuntimeLevelsMeterName);
        levels.CreateObservableGauge(
            "dotnet.thread_pool.thread.count",
            static () => ThreadPool.ThreadCount,
            "{thread}",
            "The number of thread pool threads that currently exist.");
        levels.CreateObservableGauge(
            "dotnet.thread_pool.queue.length",
            static () => ThreadPool.PendingWorkItemCount,
            "{work_item}",
            "The number of work items that are currently queued to be processed by the thread pool.");
    }
}
