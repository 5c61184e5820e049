using Cutover.SampleService.Metrics;

namespace Cutover.SampleService.Tests.Metrics;

public sealed class HistogramTests
{
    [Fact]
    public void Observe_ValueOnBound_CountsInThatBucket()
    {
        var histogram = new Histogram<string>("h", "H.", [0.5, 1], static _ => []);

        histogram.Observe("x", 0.5);
        histogram.Observe("x", 1.5);

        Samples(histogram).ShouldBe(["h_bucket{le=0.5} 1", "h_bucket{le=1} 1", "h_bucket{le=+Inf} 2", "h_sum{} 2", "h_count{} 2"]);
    }

    [Fact]
    public void Observe_ConcurrentWriters_CountEqualsInfBucketAndTotal()
    {
        var histogram = new Histogram<string>("h", "H.", SampleMetrics.DurationBuckets, static _ => []);

        Parallel.For(0, 40_000, i => histogram.Observe("x", i % 7 * 0.01));

        var samples = new List<MetricSample>();
        histogram.Collect(samples);
        samples.Single(s => s.Name == "h_count").Value.ShouldBe(40_000);
        samples.Last(s => s.Name == "h_bucket").Value.ShouldBe(40_000);
    }

    [Fact]
    public void Constructor_UnsortedBounds_Throws() =>
        Should.Throw<ArgumentException>(() => new Histogram<string>("h", "H.", [1, 0.5], static _ => []));

    private static List<string> Samples(Histogram<string> metric)
    {
        var samples = new List<MetricSample>();
        metric.Collect(samples);
        return [.. samples.Select(s => $"{s.Name}{{{string.Join(',', s.Labels.Select(l => $"{l.Name}={l.Value}"))}}} {PrometheusTextWriter.FormatValue(s.Value)}")];
    }
}
