using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// What the exporter keeps for one instrument: its Prometheus name, help and type, and one series per label set. The
/// hot path (<see cref="Record"/>) takes no lock; the label text is rendered only when scraped.
/// </summary>
internal sealed class MetricFamily
{
    private const string LeLabel = "le";

    private readonly double[] _upperBounds;
    private readonly ConcurrentDictionary<LabelSet, ScalarSeries> _scalars = new();
    private readonly ConcurrentDictionary<LabelSet, HistogramSeries> _histograms = new();

    public MetricFamily(Instrument instrument, string name, PrometheusType type, Aggregation aggregation, double[] upperBounds)
    {
        Instrument = instrument;
        Name = name;
        Type = type;
        Aggregation = aggregation;
        _upperBounds = upperBounds;
    }

    public Instrument Instrument { get; }

    public string Name { get; }

    public string? Help => Instrument.Description;

    public PrometheusType Type { get; }

    public Aggregation Aggregation { get; }

    public IReadOnlyList<double> UpperBounds => _upperBounds;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (Aggregation)
        {
            case Aggregation.Sum:
                _scalars.GetOrAdd(LabelSet.From(tags), static _ => new ScalarSeries()).Add(value);
                break;
            case Aggregation.LastValue:
                _scalars.GetOrAdd(LabelSet.From(tags), static _ => new ScalarSeries()).Set(value);
                break;
            case Aggregation.Histogram when !double.IsNaN(value):
                _histograms.GetOrAdd(LabelSet.From(tags, LeLabel), static (_, bounds) => new HistogramSeries(bounds), _upperBounds).Observe(value);
                break;
        }
    }

    /// <summary>
    /// Forgets the series of an observable instrument before its callback runs again, so a series the callback no
    /// longer reports disappears instead of repeating its last value for ever.
    /// </summary>
    public void ForgetObserved()
    {
        if (Instrument.IsObservable)
        {
            _scalars.Clear();
        }
    }

    public void Write(StringBuilder text)
    {
        PrometheusTextFormat.AppendHeader(text, Name, Help, Type);
        if (Aggregation == Aggregation.Histogram)
        {
            WriteHistograms(text);
            return;
        }

        foreach (var (labels, series) in Sorted(_scalars))
        {
            PrometheusTextFormat.AppendSample(text, Name, labels.Labels, series.Value);
        }
    }

    private void WriteHistograms(StringBuilder text)
    {
        var bucketName = Name + "_bucket";
        foreach (var (labels, series) in Sorted(_histograms))
        {
            var (cumulative, sum) = series.Snapshot();
            for (var i = 0; i < cumulative.Length; i++)
            {
                var upper = i < _upperBounds.Length ? _upperBounds[i] : double.PositiveInfinity;
                PrometheusTextFormat.AppendSample(text, bucketName, labels.Labels, cumulative[i], new Label(LeLabel, PrometheusTextFormat.FormatValue(upper)));
            }

            PrometheusTextFormat.AppendSample(text, Name + "_sum", labels.Labels, sum);
            PrometheusTextFormat.AppendSample(text, Name + "_count", labels.Labels, cumulative[^1]);
        }
    }

    private static List<KeyValuePair<LabelSet, TSeries>> Sorted<TSeries>(ConcurrentDictionary<LabelSet, TSeries> series)
    {
        var sorted = series.ToList();
        sorted.Sort(static (left, right) => LabelSet.CompareExposed(left.Key, right.Key));
        return sorted;
    }
}
