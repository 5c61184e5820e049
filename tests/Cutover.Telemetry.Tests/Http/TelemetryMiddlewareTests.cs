using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Cutover.Telemetry.Tests.Emf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cutover.Telemetry.Tests.Http;

public sealed class TelemetryMiddlewareTests
{
    [Fact]
    public async Task Get_MatchedAndUnmatchedRoutes_CountedByTemplateOrOther()
    {
        await using var app = await TelemetryApp.StartAsync();
        (await app.Client.GetAsync(new Uri("hello/a", UriKind.Relative))).Dispose();
        (await app.Client.GetAsync(new Uri("hello/b", UriKind.Relative))).Dispose();
        (await app.Client.GetAsync(new Uri("no/such/page", UriKind.Relative))).Dispose();
        (await app.Client.GetAsync(new Uri("fail", UriKind.Relative))).Dispose();

        var metrics = await app.ScrapeAsync();

        PrometheusScrape.Required(metrics, "http_requests_total{code=\"200\",path=\"/hello/{name}\"}").ShouldBe(2);
        PrometheusScrape.Required(metrics, "http_requests_total{code=\"404\",path=\"other\"}").ShouldBe(1);
        PrometheusScrape.Required(metrics, "http_requests_total{code=\"500\",path=\"/fail\"}").ShouldBe(1);
        PrometheusScrape.Required(metrics, "http_request_duration_seconds_count{path=\"/hello/{name}\"}").ShouldBe(2);
        PrometheusScrape.Value(metrics, "http_requests_total{code=\"404\",path=\"/no/such/page\"}").ShouldBeNull();
    }

    [Fact]
    public async Task Scrape_FirstOne_HasTheInitialSeriesAtZeroAndRuntimeMetrics()
    {
        await using var app = await TelemetryApp.StartAsync();

        var metrics = await app.ScrapeAsync();

        PrometheusScrape.Required(metrics, "http_requests_total{code=\"200\",path=\"/\"}").ShouldBe(0);
        PrometheusScrape.Required(metrics, "http_requests_total{code=\"500\",path=\"/\"}").ShouldBe(0);
        PrometheusScrape.Required(metrics, "http_requests_in_flight").ShouldBe(1);
        PrometheusScrape.Required(metrics, "process_resident_memory_bytes").ShouldBeGreaterThan(1024 * 1024);
        PrometheusScrape.Required(metrics, "process_cpu_seconds_total").ShouldBeGreaterThan(0);
        PrometheusScrape.Required(metrics, "dotnet_gc_collections_total{gc_heap_generation=\"gen0\"}").ShouldBeGreaterThanOrEqualTo(0);
        PrometheusScrape.Required(metrics, "dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation=\"gen0\"}").ShouldBeGreaterThanOrEqualTo(0);
        PrometheusScrape.Required(metrics, "dotnet_thread_pool_thread_count").ShouldBeGreaterThan(0);
        PrometheusScrape.Required(metrics, "dotnet_thread_pool_queue_length").ShouldBeGreaterThanOrEqualTo(0);
        // The exporter writes a family once it has a point: the duration histogram has one from the first scrape on.
        (await app.ScrapeAsync()).ShouldContain("# TYPE http_request_duration_seconds histogram\n");
    }

    [Fact]
    public async Task Scrape_BusinessMeterAdded_ExportsEveryInstrumentOfIt()
    {
        await using var app = await TelemetryApp.StartAsync(
            options => options.AddMeter("Shop.Orders"),
            map: app =>
            {
                var meter = app.Services.GetRequiredService<IMeterFactory>().Create("Shop.Orders");
                var placed = meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders placed.");
                var value = meter.CreateHistogram<double>("shop.order.value", "{EUR}", "Order value.");
                app.MapPost("/orders", () =>
                {
                    placed.Add(1, new KeyValuePair<string, object?>("channel", "web"));
                    value.Record(42);
                    return TypedResults.Created();
                });
            });

        (await app.Client.PostAsync(new Uri("orders", UriKind.Relative), content: null)).Dispose();
        var metrics = await app.ScrapeAsync();

        metrics.ShouldContain("# HELP shop_orders_placed_total Orders placed.\n");
        metrics.ShouldContain("# TYPE shop_orders_placed_total counter\n");
        PrometheusScrape.Required(metrics, "shop_orders_placed_total{channel=\"web\"}").ShouldBe(1);
        PrometheusScrape.Required(metrics, "shop_order_value_sum").ShouldBe(42);
        PrometheusScrape.Required(metrics, "http_requests_total{code=\"201\",path=\"/orders\"}").ShouldBe(1);
    }

    [Fact]
    public async Task Get_MetricsPathOff_IsAnUnmatchedRequest()
    {
        await using var app = await TelemetryApp.StartAsync(options => options.MetricsPath = null);

        using var response = await app.Client.GetAsync(new Uri("metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_EmfEnabled_OneValidLinePerUserRequestWithTheTraceId()
    {
        var output = new LineWriter();
        await using var app = await TelemetryApp.StartAsync(options =>
        {
            options.ServiceName = "shop";
            options.ServiceVersion = "v5";
            options.Emf.Enabled = true;
            options.Emf.Namespace = "Shop";
            options.Emf.Output = output;
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "hello/emf");
        request.Headers.Add("traceparent", "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        (await app.Client.SendAsync(request)).Dispose();
        await app.ScrapeAsync();

        var line = await Eventually.FindAsync(() => output.Lines is [var first, ..] ? first : null, "an EMF line");

        EmfSchema.Violations(line).ShouldBeEmpty();
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty("TraceId").GetString().ShouldBe("5bf92f3577b34da6a3ce929d0e0e4736");
        json.RootElement.GetProperty("Service").GetString().ShouldBe("shop");
        json.RootElement.GetProperty("Version").GetString().ShouldBe("v5");
        json.RootElement.GetProperty("Route").GetString().ShouldBe("/hello/{name}");
        json.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString().ShouldBe("Shop");
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        output.Lines.Count.ShouldBe(1, "the scrape is not user traffic");
    }

    [Fact]
    public void AddCutoverTelemetry_SeveralBadOptions_ReportsEveryProblemAtOnce()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[TelemetryEnvironmentVariables.Emf] = "maybe";

        var error = Should.Throw<OptionsValidationException>(() => builder.AddCutoverTelemetry(options =>
        {
            options.ServiceName = " ";
            options.MetricsPath = "metrics";
            options.Emf.Namespace = "AWS/ECS";
        }));

        error.Failures.ShouldBe(
        [
            "CUTOVER_TELEMETRY_EMF must be true or false, but was 'maybe'.",
            "ServiceName must not be empty.",
            "MetricsPath must start with '/' and name a path, but was 'metrics'.",
            "Emf.Namespace must be 1 to 255 characters and not start with 'AWS/', but was 'AWS/ECS'.",
        ]);
    }

    [Fact]
    public void AddCutoverTelemetry_CalledTwice_Throws()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddCutoverTelemetry();

        Should.Throw<InvalidOperationException>(() => builder.AddCutoverTelemetry());
    }
}
