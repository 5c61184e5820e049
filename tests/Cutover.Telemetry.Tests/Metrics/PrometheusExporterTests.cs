using System.Diagnostics.Metrics;
using Cutover.Telemetry.Metrics;

namespace Cutover.Telemetry.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    // A meter name of its own per test: listeners see every meter in the process, and tests run in parallel.
    private readonly string _meterName = $"test.{Guid.NewGuid():N}";
    private readonly Meter _meter;

    public PrometheusExporterTests() => _meter = new Meter(_meterName);

    public void Dispose() => _meter.Dispose();

    [Fact]
    public void Collect_EveryInstrumentKind_WritesExactExposition()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        var requests = _meter.CreateCounter<long>("requests", description: "Requests.");
        var inFlight = _meter.CreateUpDownCounter<int>("in_flight", "{request}", "Requests in flight.");
        var duration = _meter.CreateHistogram(
            "duration", "s", "Duration.", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1] });
        _meter.CreateObservableGauge(
            "build.info",
            static () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", "v\"1\"\\\n"), new KeyValuePair<string, object?>("instance", "a")),
            description: "Build \\ info\nsecond line.");
        requests.Add(2, new("code", 500), new("path", "/"));
        requests.Add(1, new("code", 200), new("path", "/"));
        inFlight.Add(1);
        inFlight.Add(1);
        inFlight.Add(-1);
        duration.Record(0.25, new KeyValuePair<string, object?>("path", "/"));
        duration.Record(0.5, new KeyValuePair<string, object?>("path", "/"));
        duration.Record(3, new KeyValuePair<string, object?>("path", "/"));

        var text = exporter.Collect();

        text.ShouldBe(
            """
            # HELP build_info Build \\ info\nsecond line.
            # TYPE build_info gauge
            build_info{version="v\"1\"\\\n",instance="a"} 1
            # HELP duration_seconds Duration.
            # TYPE duration_seconds histogram
            duration_seconds_bucket{path="/",le="0.5"} 2
            duration_seconds_bucket{path="/",le="1"} 2
            duration_seconds_bucket{path="/",le="+Inf"} 3
            duration_seconds_sum{path="/"} 3.75
            duration_seconds_count{path="/"} 3
            # HELP in_flight Requests in flight.
            # TYPE in_flight gauge
            in_flight 1
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{code="200",path="/"} 1
            requests_total{code="500",path="/"} 2

            """);
    }

    [Fact]
    public void Collect_InstrumentWithoutMeasurementsOrDescription_WritesOnlyType()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateCounter<long>("empty");

        exporter.Collect().ShouldBe("# TYPE empty_total counter\n");
    }

    [Fact]
    public void Collect_ZeroAdded_ExposesTheSeriesAtZero()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateCounter<long>("errors").Add(0, new KeyValuePair<string, object?>("code", "500"));

        exporter.Collect().ShouldEndWith("errors_total{code=\"500\"} 0\n");
    }

    [Fact]
    public void Collect_SameTagsInAnotherOrder_CountsOneSeriesInFirstOrder()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        var counter = _meter.CreateCounter<long>("hits");

        counter.Add(1, new("b", "2"), new("a", "1"));
        counter.Add(1, new("a", "1"), new("b", "2"));

        exporter.Collect().ShouldEndWith("# TYPE hits_total counter\nhits_total{b=\"2\",a=\"1\"} 2\n");
    }

    [Fact]
    public void Collect_ObservableCallbackThrows_ExposesTheOtherInstruments()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateObservableGauge<double>("broken", static double () => throw new InvalidOperationException("boom"));
        _meter.CreateObservableGauge("working", static () => 7);

        var text = exporter.Collect();

        text.ShouldBe("# TYPE broken gauge\n# TYPE working gauge\nworking 7\n");
    }

    [Fact]
    public void Collect_ObservableSeriesNoLongerReported_Disappears()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        var queues = new List<string> { "a", "b" };
        _meter.CreateObservableGauge("queue", () => queues.Select(name => new Measurement<int>(1, new KeyValuePair<string, object?>("name", name))));

        exporter.Collect().ShouldContain("queue{name=\"b\"} 1\n");
        queues.Remove("b");

        exporter.Collect().ShouldBe("# TYPE queue gauge\nqueue{name=\"a\"} 1\n");
    }

    [Fact]
    public void Collect_ObservableCounter_ExposesTheReportedTotal()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        var total = 5L;
        _meter.CreateObservableCounter("cpu", () => total, "s");

        exporter.Collect();
        total = 8;

        exporter.Collect().ShouldBe("# TYPE cpu_seconds_total counter\ncpu_seconds_total 8\n");
    }

    [Fact]
    public void Collect_HistogramWithoutAdvice_UsesPrometheusDefaultBuckets()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateHistogram<int>("size").Record(3);

        var buckets = exporter.Collect().Split('\n').Where(line => line.StartsWith("size_bucket", StringComparison.Ordinal)).ToList();

        buckets.Count.ShouldBe(PrometheusExporter.DefaultBuckets.Count + 1);
        buckets[0].ShouldBe("size_bucket{le=\"0.005\"} 0");
        buckets[^4].ShouldBe("size_bucket{le=\"2.5\"} 0");
        buckets[^3].ShouldBe("size_bucket{le=\"5\"} 1");
        buckets[^1].ShouldBe("size_bucket{le=\"+Inf\"} 1");
    }

    [Fact]
    public void Record_ConcurrentWriters_CountEqualsInfBucketAndTotal()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        var histogram = _meter.CreateHistogram<double>("latency", "s");

        Parallel.For(0, 40_000, i => histogram.Record(i % 7 * 0.01));

        var text = exporter.Collect();
        text.ShouldContain("latency_seconds_bucket{le=\"+Inf\"} 40000\n");
        text.ShouldContain("latency_seconds_count 40000\n");
    }

    [Fact]
    public void Collect_MeterNotListed_IsNotExported()
    {
        using var exporter = new PrometheusExporter(["some.other.meter"], meterScope: null);
        _meter.CreateCounter<long>("requests").Add(1);

        exporter.Collect().ShouldBeEmpty();
    }

    [Fact]
    public void Collect_MeterOfAnotherHostsFactory_IsNotExported()
    {
        var ours = new object();
        using var theirs = new Meter(new MeterOptions(_meterName) { Scope = new object() });
        using var exporter = new PrometheusExporter([_meterName], ours);
        theirs.CreateCounter<long>("requests").Add(1);

        exporter.Collect().ShouldBeEmpty();
    }

    [Fact]
    public void Collect_TwoInstrumentsWithOnePrometheusName_ExportsTheFirst()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateCounter<long>("jobs.done").Add(1);
        _meter.CreateCounter<long>("jobs_done").Add(5);

        exporter.Collect().ShouldBe("# TYPE jobs_done_total counter\njobs_done_total 1\n");
    }

    [Fact]
    public void Collect_MeterDisposed_DropsItsFamilies()
    {
        using var exporter = new PrometheusExporter([_meterName], meterScope: null);
        _meter.CreateCounter<long>("requests").Add(1);

        _meter.Dispose();

        exporter.Collect().ShouldBeEmpty();
    }

    [Fact]
    public void Collect_RuntimeThreadPoolLevels_AreGauges()
    {
        using var exporter = new PrometheusExporter(["System.Runtime"], meterScope: null);

        var text = exporter.Collect();

        text.ShouldContain("# TYPE dotnet_thread_pool_thread_count gauge\n");
        text.ShouldContain("# TYPE dotnet_thread_pool_queue_length gauge\n");
        text.ShouldContain("# TYPE dotnet_gc_collections_total counter\n");
        text.ShouldContain("dotnet_gc_collections_total{gc_heap_generation=\"gen0\"} ");
        text.ShouldContain("# TYPE dotnet_process_cpu_time_seconds_total counter\n");
    }
}
