using System.Globalization;

namespace Cutover.SampleService.Metrics;

/// <summary>
/// The metric families of the process. Families are registered at start-up and the list is replaced copy-on-write,
/// so a scrape reads it without a lock; each family keeps its own series thread-safe.
/// </summary>
internal sealed class MetricsRegistry
{
    private readonly Lock _gate = new();
    private IMetric[] _metrics = [];

    public IReadOnlyList<IMetric> Metrics => Volatile.Read(ref _metrics);

    public TMetric Register<TMetric>(TMetric metric)
        where TMetric : IMetric
    {
        ArgumentNullException.ThrowIfNull(metric);
        lock (_gate)
        {
            if (_metrics.Any(existing => existing.Name == metric.Name))
            {
                throw new InvalidOperationException($"A metric named '{metric.Name}' is already registered.");
            }

            Volatile.Write(ref _metrics, [.. _metrics, metric]);
        }

        return metric;
    }

    public string ToText()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        PrometheusTextWriter.Write(writer, Metrics);
        return writer.ToString();
    }
}
