using System.Collections.Concurrent;

namespace Cutover.SampleService.Metrics;

/// <summary>
/// A monotonically increasing counter with one series per key. The key is a value (for example a tuple of status code
/// and route) so the hot path neither formats nor allocates label strings: that happens only when scraped.
/// </summary>
internal sealed class Counter<TKey> : IMetric
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, CounterSeries> _series = new();
    private readonly Func<TKey, Label[]> _labels;

    public Counter(string name, string help, Func<TKey, Label[]> labels)
    {
        Name = name;
        Help = help;
        _labels = labels;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type => MetricType.Counter;

    public void Increment(TKey key, long amount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        _series.GetOrAdd(key, static _ => new CounterSeries()).Increment(amount);
    }

    public long ValueOf(TKey key) => _series.TryGetValue(key, out var series) ? series.Value : 0;

    public void Collect(ICollection<MetricSample> samples)
    {
        foreach (var (labels, series) in SeriesOrder.Sort(_series, _labels))
        {
            samples.Add(new MetricSample(Name, labels, series.Value));
        }
    }
}
