using System.Diagnostics.Metrics;
using System.Text;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// Exports every instrument of the meters it is told about in the Prometheus text format, read through a
/// <see cref="MeterListener"/>. Written when no Prometheus exporter package was served; prometheus-net 8.2.1 and the
/// OpenTelemetry Prometheus exporter (1.20.1-beta.1) now are, and replacing this one is still open (issue 11, item 4).
/// It follows the OpenTelemetry naming rules, so switching keeps the names the alarms, dashboards and docs use.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>The Prometheus client libraries' default buckets, for histograms whose instrument gives no advice.</summary>
    public static readonly IReadOnlyList<double> DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // The runtime publishes these current levels as observable counters; as counters they would get "_total" and
    // rate() would be meaningless, so they are exposed as the gauges they are.
    private static readonly HashSet<(string Meter, string Instrument)> LevelsPublishedAsCounters =
    [
        ("System.Runtime", "dotnet.thread_pool.thread.count"),
        ("System.Runtime", "dotnet.thread_pool.queue.length"),
    ];

    private readonly HashSet<string> _meterNames;
    private readonly object? _meterScope;
    private readonly MeterListener _listener;
    private readonly Lock _familiesGate = new();
    private readonly Lock _scrapeGate = new();
    private MetricFamily[] _families = [];

    /// <param name="meterNames">Meters whose instruments are exported.</param>
    /// <param name="meterScope">
    /// The <see cref="IMeterFactory"/> of this host: meters it created are exported, meters another host's factory
    /// created under the same name are not (tests run several hosts in one process). Meters without a scope, such as
    /// <c>new Meter(name)</c> and the runtime's, are exported by name alone.
    /// </param>
    public PrometheusExporter(IEnumerable<string> meterNames, object? meterScope)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        _meterNames = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _meterScope = meterScope;
        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = OnMeasurementsCompleted,
        };
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => (state as MetricFamily)?.Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => (state as MetricFamily)?.Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>The exported families, ordered by name (the order of a scrape).</summary>
    public IReadOnlyList<MetricFamily> Families => Volatile.Read(ref _families);

    /// <summary>Observes the observable instruments and renders every family, by name. Never throws for a failing callback.</summary>
    public string Collect()
    {
        lock (_scrapeGate)
        {
            var families = Volatile.Read(ref _families);
            foreach (var family in families)
            {
                family.ForgetObserved();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException)
            {
                // Telemetry never breaks a scrape: an instrument whose callback threw has no samples this time, the
                // others (observed before and after it) are exposed as usual.
            }

            var text = new StringBuilder();
            foreach (var family in families)
            {
                family.Write(text);
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_meterNames.Contains(instrument.Meter.Name)
            || (instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, _meterScope))
            || KindOf(instrument) is not { } kind)
        {
            return;
        }

        var (type, aggregation) = kind;

        if (type == PrometheusType.Counter && LevelsPublishedAsCounters.Contains((instrument.Meter.Name, instrument.Name)))
        {
            type = PrometheusType.Gauge;
        }

        var family = new MetricFamily(
            instrument,
            PrometheusNames.Metric(instrument.Name, instrument.Unit, type),
            type,
            aggregation,
            aggregation == Aggregation.Histogram ? UpperBoundsOf(instrument) : []);
        lock (_familiesGate)
        {
            // Prometheus allows one family per name: the first instrument keeps it, a later namesake is not exported.
            if (Array.Exists(_families, existing => existing.Name == family.Name))
            {
                return;
            }

            // Ordered by name, so a scrape reads the same whatever order the instruments were created in.
            Volatile.Write(ref _families, [.. _families.Append(family).OrderBy(static existing => existing.Name, StringComparer.Ordinal)]);
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state)
    {
        lock (_familiesGate)
        {
            Volatile.Write(ref _families, [.. _families.Where(family => !ReferenceEquals(family, state))]);
        }
    }

    private static (PrometheusType Type, Aggregation Aggregation)? KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) => (PrometheusType.Counter, Aggregation.Sum),
            _ when definition == typeof(ObservableCounter<>) => (PrometheusType.Counter, Aggregation.LastValue),
            _ when definition == typeof(UpDownCounter<>) => (PrometheusType.Gauge, Aggregation.Sum),
            _ when definition == typeof(ObservableUpDownCounter<>) => (PrometheusType.Gauge, Aggregation.LastValue),
            _ when definition == typeof(ObservableGauge<>) => (PrometheusType.Gauge, Aggregation.LastValue),
            _ when definition == typeof(Gauge<>) => (PrometheusType.Gauge, Aggregation.LastValue),
            _ when definition == typeof(Histogram<>) => (PrometheusType.Histogram, Aggregation.Histogram),
            _ => null,
        };
    }

    /// <summary>The instrument's advised bucket bounds (finite, strictly increasing), else <see cref="DefaultBuckets"/>.</summary>
    private static double[] UpperBoundsOf(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Histogram<double> histogram => histogram.Advice?.HistogramBucketBoundaries,
            Histogram<float> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(static bound => (double)bound),
            Histogram<long> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(static bound => (double)bound),
            Histogram<int> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(static bound => (double)bound),
            _ => null,
        };
        var bounds = advised?.ToArray() ?? [];
        var valid = bounds.Length > 0
            && bounds.All(double.IsFinite)
            && bounds.Zip(bounds.Skip(1)).All(static pair => pair.First < pair.Second);
        return valid ? bounds : [.. DefaultBuckets];
    }
}
