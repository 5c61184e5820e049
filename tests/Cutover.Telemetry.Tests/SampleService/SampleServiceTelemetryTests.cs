using System.Net;
using System.Text.Json;
using Cutover.Telemetry.Tests.Emf;

namespace Cutover.Telemetry.Tests.SampleService;

/// <summary>The sample service, started as a real process, instrumented by the library end to end.</summary>
public sealed class SampleServiceTelemetryTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string CallerSpanId = "b7ad6b7169203331";

    [Fact]
    public async Task GetRoot_WithTraceparent_AppearsInMetricsInALogLineWithTheTraceIdAndInAValidEmfLine()
    {
        await using var service = await SampleServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["CUTOVER_VERSION"] = "v7",
            ["CUTOVER_INSTANCE_ID"] = "web-3",
            [TelemetryEnvironmentVariables.Emf] = "true",
            [TelemetryEnvironmentVariables.EmfNamespace] = "CutoverTests",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("traceparent", $"00-{TraceId}-{CallerSpanId}-01");

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = await service.ScrapeAsync();
        PrometheusScrape.Required(metrics, "http_requests_total{code=\"200\",path=\"/\"}").ShouldBe(1);
        PrometheusScrape.Required(metrics, "http_request_duration_seconds_count{path=\"/\"}").ShouldBe(1);
        PrometheusScrape.Required(metrics, "cutover_build_info{version=\"v7\",instance=\"web-3\"}").ShouldBe(1);

        var log = await Eventually.FindAsync(() => JsonLines(service).FirstOrDefault(IsRequestLogOfTheTrace), "the request's log line");
        log.RootElement.GetProperty("Message").GetString()!.ShouldStartWith("GET / responded 200 in ");
        log.RootElement.GetProperty("LogLevel").GetString().ShouldBe("Information");
        var spanId = log.RootElement.GetProperty("SpanId").GetString();
        spanId!.ShouldMatch("^[0-9a-f]{16}$");
        spanId.ShouldNotBe(CallerSpanId, "the line is written inside the server span, a child of the caller's");

        var emf = await Eventually.FindAsync(() => EmfLines(service).FirstOrDefault(line => line.Contains(TraceId, StringComparison.Ordinal)), "the request's EMF line");
        EmfSchema.Violations(emf).ShouldBeEmpty();
        using var json = JsonDocument.Parse(emf);
        var root = json.RootElement;
        root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString().ShouldBe("CutoverTests");
        root.GetProperty("Service").GetString().ShouldBe("Cutover.SampleService");
        root.GetProperty("Version").GetString().ShouldBe("v7");
        root.GetProperty("InstanceId").GetString().ShouldBe("web-3");
        root.GetProperty("Route").GetString().ShouldBe("/");
        root.GetProperty("StatusCode").GetInt32().ShouldBe(200);
        root.GetProperty("Requests").GetDouble().ShouldBe(1);
        root.GetProperty("Errors5xx").GetDouble().ShouldBe(0);
        root.GetProperty("Latency").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetRoot_EmfNotEnabled_WritesNoEmfLine()
    {
        await using var service = await SampleServiceProcess.StartAsync(new Dictionary<string, string>());

        (await service.Client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        await Eventually.FindAsync(() => JsonLines(service).FirstOrDefault(line => line.RootElement.GetProperty("Message").GetString()!.StartsWith("GET / ", StringComparison.Ordinal)), "the request's log line");

        EmfLines(service).ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_AnyLine_IsOneJsonObject()
    {
        await using var service = await SampleServiceProcess.StartAsync(new Dictionary<string, string>());

        (await service.Client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        await Eventually.FindAsync(() => JsonLines(service).FirstOrDefault(line => line.RootElement.TryGetProperty("TraceId", out _)), "a line with a trace id");

        foreach (var line in service.Lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        }
    }

    private static bool IsRequestLogOfTheTrace(JsonDocument line) =>
        line.RootElement.TryGetProperty("TraceId", out var traceId) && traceId.GetString() == TraceId
        && line.RootElement.TryGetProperty("EventId", out var eventId) && eventId.GetInt32() == 10;

    private static List<JsonDocument> JsonLines(SampleServiceProcess service) =>
        [.. service.Lines.Where(line => line.StartsWith('{') && !line.StartsWith("{\"_aws\"", StringComparison.Ordinal)).Select(line => JsonDocument.Parse(line))];

    private static List<string> EmfLines(SampleServiceProcess service) =>
        [.. service.Lines.Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal))];
}
