namespace Cutover.SampleService.Metrics;

/// <summary>A metric family: its name, help and type, and the samples it holds at the moment of a scrape.</summary>
internal interface IMetric
{
    string Name { get; }

    string Help { get; }

    MetricType Type { get; }

    /// <summary>Adds the current samples in a stable order. Must not throw: telemetry never breaks a scrape.</summary>
    void Collect(ICollection<MetricSample> samples);
}
