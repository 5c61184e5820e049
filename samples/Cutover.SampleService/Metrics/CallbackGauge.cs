namespace Cutover.SampleService.Metrics;

/// <summary>A gauge read at scrape time (resident memory, a configured limit, build info) with constant labels.</summary>
internal sealed class CallbackGauge : IMetric
{
    private readonly Func<double> _read;
    private readonly Label[] _labels;

    public CallbackGauge(string name, string help, Func<double> read, params Label[] labels)
    {
        Name = name;
        Help = help;
        _read = read;
        _labels = labels;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type => MetricType.Gauge;

    public void Collect(ICollection<MetricSample> samples)
    {
        double value;
        try
        {
            value = _read();
        }
        catch (Exception)
        {
            // Telemetry never throws: a failing reader shows as NaN instead of breaking the whole scrape.
            value = double.NaN;
        }

        samples.Add(new MetricSample(Name, _labels, value));
    }
}
