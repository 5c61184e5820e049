using System.Collections.Concurrent;

namespace Cutover.SampleService.Metrics;

/// <summary>A histogram with fixed upper bounds (an implicit <c>+Inf</c> bucket is added) and one series per key.</summary>
internal sealed class Histogram<TKey> : IMetric
    where TKey : notnull
{
    private readonly double[] _upperBounds;
    private readonly ConcurrentDictionary<TKey, HistogramSeries> _series = new();
    private readonly Func<TKey, Label[]> _labels;

    public Histogram(string name, string help, IReadOnlyList<double> upperBounds, Func<TKey, Label[]> labels)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        for (var i = 0; i < upperBounds.Count; i++)
        {
            if (!double.IsFinite(upperBounds[i]) || (i > 0 && upperBounds[i] <= upperBounds[i - 1]))
            {
                throw new ArgumentException("Bucket bounds must be finite and strictly increasing.", nameof(upperBounds));
            }
        }

        Name = name;
        Help = help;
        _upperBounds = [.. upperBounds];
        _labels = labels;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type => MetricType.Histogram;

    public void Observe(TKey key, double value)
    {
        // Prometheus buckets are "less than or equal": a value on a bound belongs to that bound's bucket.
        var bucket = Array.BinarySearch(_upperBounds, value);
        if (bucket < 0)
        {
            bucket = ~bucket;
        }

        _series.GetOrAdd(key, static (_, count) => new HistogramSeries(count), _upperBounds.Length + 1).Observe(bucket, value);
    }

    public void Collect(ICollection<MetricSample> samples)
    {
        var bucketName = Name + "_bucket";
        var sumName = Name + "_sum";
        var countName = Name + "_count";
        foreach (var (labels, series) in SeriesOrder.Sort(_series, _labels))
        {
            var (cumulative, sum) = series.Snapshot();
            for (var i = 0; i < cumulative.Length; i++)
            {
                var upper = i < _upperBounds.Length ? _upperBounds[i] : double.PositiveInfinity;
                Label[] withLe = [.. labels, new Label("le", PrometheusTextWriter.FormatValue(upper))];
                samples.Add(new MetricSample(bucketName, withLe, cumulative[i]));
            }

            samples.Add(new MetricSample(sumName, labels, sum));
            samples.Add(new MetricSample(countName, labels, cumulative[^1]));
        }
    }
}
