using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// The one view of the OpenTelemetry meter provider. Everything else the exporter does as we need it (names by the
/// OpenTelemetry rules, buckets from the instrument's advice, <c>_total</c> on counters); three things it cannot do
/// on its own, so this view does them.
/// </summary>
internal static class MetricViews
{
    /// <summary>The Prometheus client libraries' default buckets, for histograms whose instrument gives no advice.</summary>
    public static readonly IReadOnlyList<double> DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// The runtime's thread-pool levels, published as observable counters. The exporter writes a counter as
    /// <c>..._total</c> with <c># TYPE counter</c> and cannot be told otherwise per instrument (no view changes an
    /// instrument's kind), which would rename the documented <c>dotnet_thread_pool_thread_count</c> and
    /// <c>dotnet_thread_pool_queue_length</c> gauges. They are dropped here and published as the gauges they are by
    /// <see cref="Runtime.ProcessMetrics"/>.
    /// </summary>
    public static readonly IReadOnlySet<string> RuntimeLevelsPublishedAsCounters = new HashSet<string>(StringComparer.Ordinal)
    {
        "dotnet.thread_pool.thread.count",
        "dotnet.thread_pool.queue.length",
    };

    public const string RuntimeMeterName = "System.Runtime";

    private static readonly double[] DefaultBucketArray = [.. DefaultBuckets];

    /// <param name="hostMeters">
    /// This host's <see cref="IMeterFactory"/>. The SDK listens by meter name across the whole process, so a meter of
    /// the same name created by another host's factory (tests run several hosts in one process) would be summed into
    /// ours; those are dropped. Meters without a scope (<c>new Meter(name)</c>, the runtime's) are matched by name.
    /// </param>
    public static Func<Instrument, MetricStreamConfiguration?> For(IMeterFactory hostMeters) => instrument =>
    {
        if (instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, hostMeters))
        {
            return MetricStreamConfiguration.Drop;
        }

        if (instrument.Meter.Name == RuntimeMeterName && RuntimeLevelsPublishedAsCounters.Contains(instrument.Name))
        {
            return MetricStreamConfiguration.Drop;
        }

        // The SDK's own default buckets (0, 5, 10, ... 10000) suit milliseconds; a histogram without advice gets the
        // Prometheus defaults, as it always has here. A view's bounds would override advice, so only then.
        return IsHistogramWithoutAdvice(instrument)
            ? new ExplicitBucketHistogramConfiguration { Boundaries = DefaultBucketArray }
            : null;
    };

    private static bool IsHistogramWithoutAdvice(Instrument instrument) => instrument switch
    {
        Histogram<double> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        Histogram<float> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        Histogram<long> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        Histogram<int> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        Histogram<short> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        Histogram<byte> histogram => histogram.Advice?.HistogramBucketBoundaries is null,
        _ => false,
    };
}
