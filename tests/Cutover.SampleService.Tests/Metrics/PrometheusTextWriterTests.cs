using Cutover.SampleService.Metrics;

namespace Cutover.SampleService.Tests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void ToText_SmallRegistry_WritesExactExposition()
    {
        var registry = new MetricsRegistry();
        var requests = registry.Register(new Counter<(int Code, string Path)>(
            "requests_total",
            "Requests.",
            static key => [new Label("code", key.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Label("path", key.Path)]));
        var inFlight = registry.Register(new Gauge("in_flight", "Requests in flight."));
        var duration = registry.Register(new Histogram<string>("duration_seconds", "Duration.", [0.5, 1], static path => [new Label("path", path)]));
        registry.Register(new CallbackGauge("build_info", "Build \\ info\nsecond line.", static () => 1, new Label("version", "v\"1\"\\\n")));
        requests.Increment((500, "/"), 2);
        requests.Increment((200, "/"));
        inFlight.Increment();
        inFlight.Increment();
        inFlight.Decrement();
        duration.Observe("/", 0.25);
        duration.Observe("/", 0.5);
        duration.Observe("/", 3);

        var text = registry.ToText();

        text.ShouldBe(
            """
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{code="200",path="/"} 1
            requests_total{code="500",path="/"} 2
            # HELP in_flight Requests in flight.
            # TYPE in_flight gauge
            in_flight 1
            # HELP duration_seconds Duration.
            # TYPE duration_seconds histogram
            duration_seconds_bucket{path="/",le="0.5"} 2
            duration_seconds_bucket{path="/",le="1"} 2
            duration_seconds_bucket{path="/",le="+Inf"} 3
            duration_seconds_sum{path="/"} 3.75
            duration_seconds_count{path="/"} 3
            # HELP build_info Build \\ info\nsecond line.
            # TYPE build_info gauge
            build_info{version="v\"1\"\\\n"} 1

            """);
    }

    [Fact]
    public void ToText_EmptyLabelledFamily_WritesOnlyHelpAndType()
    {
        var registry = new MetricsRegistry();
        registry.Register(new Counter<string>("empty_total", "Nothing yet.", static key => [new Label("k", key)]));

        registry.ToText().ShouldBe("# HELP empty_total Nothing yet.\n# TYPE empty_total counter\n");
    }

    [Theory]
    [InlineData(0.005, "0.005")]
    [InlineData(2.5, "2.5")]
    [InlineData(10, "10")]
    [InlineData(536870912, "536870912")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void FormatValue_Number_UsesPrometheusSyntax(double value, string expected) =>
        PrometheusTextWriter.FormatValue(value).ShouldBe(expected);

    [Fact]
    public void ToText_CallbackThrows_ExposesNaNInsteadOfFailing()
    {
        var registry = new MetricsRegistry();
        registry.Register(new CallbackGauge("broken", "Broken reader.", static () => throw new InvalidOperationException("boom")));

        registry.ToText().ShouldEndWith("broken NaN\n");
    }

    [Fact]
    public void Register_DuplicateName_Throws()
    {
        var registry = new MetricsRegistry();
        registry.Register(new Gauge("same", "First."));

        Should.Throw<InvalidOperationException>(() => registry.Register(new Gauge("same", "Second.")));
    }
}
