using System.Net;
using System.Text;
using System.Text.Json;
using Cutover.Dashboard.Tests.Support;
using Cutover.Server.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutover.Dashboard.Tests;

/// <summary>The API behind the dashboard on a loopback control plane: documented, problem details, guarded against browsers of other sites.</summary>
[Collection(LoopbackTests.Name)]
public sealed class ApiTests(LoopbackPlatform shared)
{
    private PlatformFixture Platform => shared.Platform;

    [Fact]
    public async Task OpenApiDocument_ListsEveryMappedRoute()
    {
        var mapped = OpenApiDocument.MappedRoutes(Platform.App.Services.GetRequiredService<EndpointDataSource>() is var source ? [source] : []);

        using var document = JsonDocument.Parse(await Platform.Api.GetStringAsync("api/v1/openapi.json"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        root.GetProperty("openapi").GetString().ShouldBe("3.1.0");
        mapped.Count.ShouldBeGreaterThan(10);
        foreach (var (method, path) in mapped)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is mapped but not in the OpenAPI document: describe it in OpenApiCatalog");
            item.TryGetProperty(method.ToLowerInvariant(), out var operation).ShouldBeTrue($"{method} {path} is mapped but not in the OpenAPI document");
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
            operation.GetProperty("responses").TryGetProperty("500", out _).ShouldBeTrue();
        }

        paths.EnumerateObject().Count().ShouldBe(mapped.Select(m => m.Path).Distinct().Count(), "the document lists only mapped routes");
        var schemas = root.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("ReleaseState").GetProperty("properties").TryGetProperty("stepIndex", out _).ShouldBeTrue("schemas use the API's camelCase names");
        schemas.GetProperty("GoldenSignalsResponse").GetProperty("properties").TryGetProperty("charts", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/releases/current/{command}").GetProperty("post").GetProperty("security").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("GET", "api/v1/no-such-thing", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "api/v1/releases/current/explode", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "api/v1/releases", "{ not json", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/releases/r-none", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/metrics/golden?range=forever", null, HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "api/v1/rollback", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "dashboard/no-such-file.js", null, HttpStatusCode.NotFound)]
    public async Task Errors_AreProblemDetails(string method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Platform.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(expected, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.RootElement.TryGetProperty("title", out _).ShouldBeTrue(text);
    }

    [Fact]
    public async Task GoldenSignals_ReturnsEveryChartWithLinesPerVersion()
    {
        using var response = await Platform.Api.GetAsync("api/v1/metrics/golden?range=2m");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var charts = body.RootElement.GetProperty("charts").EnumerateArray().ToList();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        charts.Select(c => c.GetProperty("id").GetString()).ShouldBe(
            ["requests-s", "5xx-error-rate", "5xx-responses-s", "latency-p50-p90-p99", "memory-utilization-of-the-limit", "cpu-share-of-one-core", "unhealthy-instances"],
            ignoreOrder: true);
        var requests = charts.Single(c => c.GetProperty("id").GetString() == "requests-s");
        requests.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        requests.GetProperty("series").EnumerateArray().ShouldContain(s => s.GetProperty("values").EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0));
        var latency = charts.Single(c => c.GetProperty("id").GetString() == "latency-p50-p90-p99");
        latency.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("label").GetString()).Distinct().ShouldBe(["p50", "p90", "p99"], ignoreOrder: true);
    }

    [Fact]
    public async Task ForeignHostName_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/status");
        request.Headers.Host = $"rebound.example:{Platform.Options.Ports.ControlPlanePort}";

        using var response = await Platform.Api.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("answers only to 127.0.0.1");
    }

    [Fact]
    public async Task StateChangingCall_FromAnotherSitesPage_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/rollback");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await Platform.Api.SendAsync(request);
        var audit = await Platform.Api.GetStringAsync("api/v1/audit?limit=20");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        audit.ShouldNotContain("evil.example");
    }
}
