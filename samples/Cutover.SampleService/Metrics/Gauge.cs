namespace Cutover.SampleService.Metrics;

/// <summary>A gauge without labels whose value the code sets or moves, for example requests in flight.</summary>
internal sealed class Gauge : IMetric
{
    private long _value;

    public Gauge(string name, string help)
    {
        Name = name;
        Help = help;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type => MetricType.Gauge;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Decrement() => Interlocked.Decrement(ref _value);

    public void Set(long value) => Interlocked.Exchange(ref _value, value);

    public void Collect(ICollection<MetricSample> samples) => samples.Add(new MetricSample(Name, [], Value));
}
