using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Cutover.Telemetry.Metrics;
using Cutover.Telemetry.Tests.Tools;
using Cutover.Testing.Prometheus;
using Microsoft.Extensions.DependencyInjection;

namespace Cutover.Telemetry.Tests.Metrics;

/// <summary>
/// The OpenTelemetry Prometheus exporter as Cutover.Telemetry configures it, through the real /metrics endpoint of a
/// host: the names, types, buckets and labels the alarms, dashboards and docs rely on.
/// </summary>
public sealed partial class PrometheusExporterTests
{
    private const string MeterName = "Test.Business";

    /// <summary>The <c>le</c> values Prometheus stores for <c>http_request_duration_seconds</c>, as written before the exporter changed.</summary>
    private static readonly string[] StoredBounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2", "2.5", "5", "10", "+Inf"];

    [Fact]
    public async Task Scrape_EveryInstrumentKind_ExposesItsTypeHelpAndSeries()
    {
        Counter<long>? requests = null;
        UpDownCounter<int>? inFlight = null;
        Histogram<double>? duration = null;
        await using var app = await StartWithMeterAsync(meter =>
        {
            requests = meter.CreateCounter<long>("requests", description: "Requests.");
            inFlight = meter.CreateUpDownCounter<int>("in_flight", "{request}", "Requests in flight.");
            duration = meter.CreateHistogram(
                "duration", "s", "Duration.", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1] });
            meter.CreateObservableGauge(
                "build.info",
                static () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", "v\"1\"\\\n"), new KeyValuePair<string, object?>("instance", "a")),
                description: "Build \\ info\nsecond line.");
        });
        requests!.Add(2, new("code", 500), new("path", "/"));
        requests.Add(1, new("code", 200), new("path", "/"));
        inFlight!.Add(1);
        inFlight.Add(1);
        inFlight.Add(-1);
        duration!.Record(0.25, new KeyValuePair<string, object?>("path", "/"));
        duration.Record(0.5, new KeyValuePair<string, object?>("path", "/"));
        duration.Record(3, new KeyValuePair<string, object?>("path", "/"));

        var text = await app.ScrapeAsync();

        var types = PrometheusExposition.Types(text);
        types["requests_total"].ShouldBe("counter");
        types["in_flight"].ShouldBe("gauge");
        types["duration_seconds"].ShouldBe("histogram");
        types["build_info"].ShouldBe("gauge");
        text.ShouldContain("# HELP build_info Build \\\\ info\\nsecond line.\n");
        text.ShouldContain("# HELP requests_total Requests.\n");
        PrometheusScrape.Required(text, "requests_total{code=\"500\",path=\"/\"}").ShouldBe(2);
        PrometheusScrape.Required(text, "requests_total{code=\"200\",path=\"/\"}").ShouldBe(1);
        PrometheusScrape.Required(text, "in_flight").ShouldBe(1);
        PrometheusScrape.Required(text, "duration_seconds_bucket{path=\"/\",le=\"0.5\"}").ShouldBe(2, "a value on a bound is in that bound's bucket");
        PrometheusScrape.Required(text, "duration_seconds_bucket{path=\"/\",le=\"1\"}").ShouldBe(2);
        PrometheusScrape.Required(text, "duration_seconds_bucket{path=\"/\",le=\"+Inf\"}").ShouldBe(3);
        PrometheusScrape.Required(text, "duration_seconds_sum{path=\"/\"}").ShouldBe(3.75);
        PrometheusScrape.Required(text, "duration_seconds_count{path=\"/\"}").ShouldBe(3);
        PrometheusExposition.Parse(text).Count(sample => sample.Name == "duration_seconds_bucket").ShouldBe(3, "the advised bounds and +Inf, nothing else");
        var build = PrometheusExposition.Parse(text).Where(sample => sample.Name == "build_info").ShouldHaveSingleItem();
        build.HasLabels(new Dictionary<string, string> { ["version"] = "v\"1\"\\\n", ["instance"] = "a" }).ShouldBeTrue(string.Join(",", build.Labels));
    }

    [Fact]
    public async Task Scrape_AnySeries_CarriesNoScopeLabelsAndThereIsNoTargetInfo()
    {
        await using var app = await StartWithMeterAsync(static meter => meter.CreateObservableGauge("answer", static () => 42));

        var text = await app.ScrapeAsync();

        PrometheusScrape.Required(text, "answer").ShouldBe(42);
        PrometheusExposition.Parse(text).ShouldAllBe(sample => !sample.Labels.Keys.Any(label => label.StartsWith("otel_", StringComparison.Ordinal)));
        PrometheusExposition.Types(text).Keys.ShouldNotContain("target_info");
    }

    [Fact]
    public async Task Scrape_ZeroAdded_ExposesTheSeriesAtZero()
    {
        Counter<long>? errors = null;
        await using var app = await StartWithMeterAsync(meter => errors = meter.CreateCounter<long>("errors"));

        errors!.Add(0, new KeyValuePair<string, object?>("code", "500"));

        PrometheusScrape.Required(await app.ScrapeAsync(), "errors_total{code=\"500\"}").ShouldBe(0);
    }

    [Fact]
    public async Task Scrape_SameTagsInAnotherOrder_CountsOneSeries()
    {
        Counter<long>? hits = null;
        await using var app = await StartWithMeterAsync(meter => hits = meter.CreateCounter<long>("hits"));

        hits!.Add(1, new("b", "2"), new("a", "1"));
        hits.Add(1, new("a", "1"), new("b", "2"));

        var text = await app.ScrapeAsync();
        PrometheusScrape.Required(text, "hits_total{b=\"2\",a=\"1\"}").ShouldBe(2);
        PrometheusExposition.Parse(text).Count(sample => sample.Name == "hits_total").ShouldBe(1);
    }

    [Fact]
    public async Task Scrape_ObservableCallbackThrows_ExposesTheOtherInstruments()
    {
        await using var app = await StartWithMeterAsync(static meter =>
        {
            meter.CreateObservableGauge<double>("broken", static double () => throw new InvalidOperationException("boom"));
            meter.CreateObservableGauge("working", static () => 7);
        });

        var text = await app.ScrapeAsync();

        PrometheusScrape.Required(text, "working").ShouldBe(7);
        PrometheusExposition.Parse(text).ShouldNotContain(sample => sample.Name == "broken");
        PrometheusScrape.Required(text, "http_requests_total{code=\"200\",path=\"/\"}").ShouldBe(0, "every other family is still there");
    }

    [Fact]
    public async Task Scrape_ObservableCounter_ExposesTheReportedTotal()
    {
        var total = 5L;
        await using var app = await StartWithMeterAsync(meter => meter.CreateObservableCounter("cpu", () => total, "s"));

        PrometheusScrape.Required(await app.ScrapeAsync(), "cpu_seconds_total").ShouldBe(5);
        total = 8;

        var text = await app.ScrapeAsync();
        PrometheusScrape.Required(text, "cpu_seconds_total").ShouldBe(8, "the reported total, not a sum of reports");
        PrometheusExposition.Types(text)["cpu_seconds_total"].ShouldBe("counter");
    }

    [Fact]
    public async Task Scrape_HistogramWithoutAdvice_UsesPrometheusDefaultBuckets()
    {
        Histogram<int>? size = null;
        await using var app = await StartWithMeterAsync(meter => size = meter.CreateHistogram<int>("size"));
        size!.Record(3);

        var buckets = PrometheusExposition.Parse(await app.ScrapeAsync()).Where(sample => sample.Name == "size_bucket").ToList();

        buckets.Select(bucket => bucket.Labels["le"]).ShouldBe(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]);
        buckets.Select(bucket => bucket.Value).ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
        MetricViews.DefaultBuckets.Count.ShouldBe(buckets.Count - 1);
    }

    [Fact]
    public async Task Scrape_MeterNotAdded_IsNotExported()
    {
        await using var app = await TelemetryApp.StartAsync(map: static app =>
            app.Services.GetRequiredService<IMeterFactory>().Create("Not.Added").CreateObservableGauge("secret", static () => 1));

        PrometheusScrape.Value(await app.ScrapeAsync(), "secret").ShouldBeNull();
    }

    [Fact]
    public async Task Scrape_SameMeterNameInAnotherHost_CountsOnlyThisHostsMeasurements()
    {
        Counter<long>? ours = null;
        Counter<long>? theirs = null;
        await using var first = await StartWithMeterAsync(meter => ours = meter.CreateCounter<long>("orders"));
        await using var second = await StartWithMeterAsync(meter => theirs = meter.CreateCounter<long>("orders"));

        ours!.Add(1);
        theirs!.Add(100);

        PrometheusScrape.Required(await first.ScrapeAsync(), "orders_total").ShouldBe(1);
        PrometheusScrape.Required(await second.ScrapeAsync(), "orders_total").ShouldBe(100);
    }

    [Fact]
    public async Task Scrape_RuntimeMetrics_ThreadPoolLevelsAreGaugesAndCountersEndInTotal()
    {
        await using var app = await TelemetryApp.StartAsync();

        var text = await app.ScrapeAsync();

        var types = PrometheusExposition.Types(text);
        types["dotnet_thread_pool_thread_count"].ShouldBe("gauge");
        types["dotnet_thread_pool_queue_length"].ShouldBe("gauge");
        types.Keys.ShouldNotContain("dotnet_thread_pool_thread_count_total");
        types.Keys.ShouldNotContain("dotnet_thread_pool_queue_length_total");
        types["dotnet_gc_collections_total"].ShouldBe("counter");
        types["dotnet_process_cpu_time_seconds_total"].ShouldBe("counter");
        PrometheusScrape.Required(text, "dotnet_thread_pool_thread_count").ShouldBeGreaterThan(0);
        PrometheusScrape.Required(text, "dotnet_gc_collections_total{gc_heap_generation=\"gen0\"}").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Scrape_RuntimeMetricsOff_HasNoRuntimeFamilies()
    {
        await using var app = await TelemetryApp.StartAsync(static options => options.RuntimeMetrics = false);

        var text = await app.ScrapeAsync();

        PrometheusExposition.Types(text).Keys.ShouldNotContain(name => name.StartsWith("dotnet_", StringComparison.Ordinal));
        PrometheusScrape.Required(text, "process_cpu_seconds_total").ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("http.requests", null, "counter", "http_requests_total")]
    [InlineData("http.request.duration", "s", "histogram", "http_request_duration_seconds")]
    [InlineData("http.requests.in_flight", "{request}", "updown", "http_requests_in_flight")]
    [InlineData("process.resident_memory", "By", "gauge", "process_resident_memory_bytes")]
    [InlineData("process.cpu", "s", "counter", "process_cpu_seconds_total")]
    [InlineData("cutover.memory_limit", "By", "gauge", "cutover_memory_limit_bytes")]
    [InlineData("cutover.build_info", null, "gauge", "cutover_build_info")]
    [InlineData("shop.orders.placed", "{order}", "counter", "shop_orders_placed_total")]
    [InlineData("orders_total", null, "counter", "orders_total")]
    [InlineData("queue.size_bytes", "By", "gauge", "queue_size_bytes")]
    [InlineData("throughput", "By/s", "gauge", "throughput_bytes_per_second")]
    [InlineData("a..b--c", "ms", "gauge", "a_b_c_milliseconds")]
    public async Task Scrape_InstrumentNameAndUnit_FollowsOpenTelemetryRules(string name, string? unit, string kind, string expected)
    {
        Histogram<double>? histogram = null;
        await using var app = await StartWithMeterAsync(meter =>
        {
            switch (kind)
            {
                case "counter":
                    meter.CreateObservableCounter(name, static () => 1, unit);
                    break;
                case "updown":
                    meter.CreateObservableUpDownCounter(name, static () => 1, unit);
                    break;
                case "histogram":
                    histogram = meter.CreateHistogram<double>(name, unit);
                    break;
                default:
                    meter.CreateObservableGauge(name, static () => 1, unit);
                    break;
            }
        });
        histogram?.Record(1);

        var types = PrometheusExposition.Types(await app.ScrapeAsync());

        types.ShouldContainKey(expected);
        types[expected].ShouldBe(kind switch { "counter" => "counter", "histogram" => "histogram", _ => "gauge" });
    }

    [Fact]
    public async Task Scrape_PrometheusAcceptHeader_ServesTextFormat004WithBoundsAsBefore()
    {
        await using var app = await TelemetryApp.StartAsync();
        (await app.Client.GetAsync(new Uri("hello/a", UriKind.Relative))).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        // What Prometheus 2.42 sends: OpenMetrics preferred.
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1").ShouldBeTrue();

        using var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        PrometheusScrape.Required(text, "http_request_duration_seconds_bucket{path=\"/hello/{name}\",le=\"2\"}").ShouldBe(1);
        PrometheusScrape.Required(text, "http_request_duration_seconds_bucket{path=\"/hello/{name}\",le=\"10\"}").ShouldBe(1);
        text.ShouldNotContain("_created");
        text.ShouldNotContain("# EOF");
    }

    [Fact]
    public async Task Head_MetricsPath_AnswersWithoutBodyAndIsCountedAsAScrape()
    {
        await using var app = await TelemetryApp.StartAsync();
        using (var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "metrics")))
        {
            head.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }

        PrometheusScrape.Required(await app.ScrapeAsync(), "http_requests_total{code=\"200\",path=\"/metrics\"}").ShouldBe(1);
    }

    [Fact]
    public async Task Scrape_WithEveryFamily_PassesPromtoolCheckMetrics()
    {
        Histogram<double>? value = null;
        await using var app = await StartWithMeterAsync(meter =>
            value = meter.CreateHistogram<double>("shop.order.value", "{EUR}", "Order value."));
        (await app.Client.GetAsync(new Uri("hello/a", UriKind.Relative))).Dispose();
        (await app.Client.GetAsync(new Uri("fail", UriKind.Relative))).Dispose();
        value!.Record(42, new KeyValuePair<string, object?>("channel", "web"));

        var (exitCode, output) = await Promtool.CheckMetricsAsync(await app.ScrapeAsync());
        var (brokenExitCode, _) = await Promtool.CheckMetricsAsync("# TYPE broken counter\nbroken{code=\"500\" 1\n");

        brokenExitCode.ShouldBe(1, "promtool exits 1 on text it cannot parse");
        // 3 is lint findings only. The one finding allowed is the runtime's own gauge names ending in _count
        // (dotnet_thread_pool_thread_count, dotnet_assembly_count, ...): names the docs list, kept as the runtime gives them.
        exitCode.ShouldBeOneOf([0, 3], output);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldAllBe(line => RuntimeCountGaugeLint().IsMatch(line), output);
    }

    [Fact]
    public async Task Scrape_ByRealPrometheus_StoresTheSeriesAndDividesSeriesOfTwoMeters()
    {
        // The memory alarm divides process_resident_memory_bytes (our meter) by the service's own limit (its meter):
        // that needs the two series to have the same labels, which scope labels would break.
        await using var app = await StartWithMeterAsync(static meter =>
            meter.CreateObservableGauge("cutover.memory_limit", static () => 512L * 1024 * 1024, "By", "Memory budget."));
        (await app.Client.GetAsync(new Uri("hello/a", UriKind.Relative))).Dispose();
        (await app.Client.GetAsync(new Uri("fail", UriKind.Relative))).Dispose();
        await using var prometheus = RealPrometheus.Start(app.Port);

        var ratio = await prometheus.QueryUntilAnyAsync("process_resident_memory_bytes / cutover_memory_limit_bytes", TimeSpan.FromSeconds(30));
        var errors = await prometheus.QueryUntilAnyAsync("http_requests_total{code=\"500\",path=\"/fail\"}", TimeSpan.FromSeconds(10));
        var quantile = await prometheus.QueryUntilAnyAsync("histogram_quantile(0.99, sum by (le) (http_request_duration_seconds_bucket{path=\"/hello/{name}\"}))", TimeSpan.FromSeconds(10));
        var bounds = await prometheus.QueryUntilAnyAsync("count by (le) (http_request_duration_seconds_bucket{path=\"/hello/{name}\"})", TimeSpan.FromSeconds(10));

        ratio.ShouldHaveSingleItem().Value.ShouldBeInRange(0.001, 1);
        var error = errors.ShouldHaveSingleItem();
        error.Value.ShouldBe(1);
        error.Labels.Keys.Order(StringComparer.Ordinal).ShouldBe(["code", "instance", "job", "path"]);
        quantile.ShouldHaveSingleItem().Value.ShouldBeGreaterThan(0);
        bounds.Select(series => series.Labels["le"]).Order(StringComparer.Ordinal).ShouldBe(StoredBounds.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("""^dotnet_[a-z_]+_count non-histogram and non-summary metrics should not have "_count" suffix$""")]
    private static partial Regex RuntimeCountGaugeLint();

    /// <summary>A host exporting <see cref="MeterName"/>, whose instruments <paramref name="create"/> makes from the host's factory before it starts.</summary>
    private static Task<TelemetryApp> StartWithMeterAsync(Action<Meter> create) =>
        TelemetryApp.StartAsync(
            static options => options.AddMeter(MeterName),
            map: app => create(app.Services.GetRequiredService<IMeterFactory>().Create(MeterName)));
}
