using System.Collections.Concurrent;
using System.Net;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Telemetry.Tests.Tracing;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Request_OtlpEndpointConfigured_SpansArePostedToTheCollector()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using (var app = await TelemetryApp.StartAsync(configuration: new Dictionary<string, string?>
        {
            [TelemetryEnvironmentVariables.OtlpEndpoint] = $"http://127.0.0.1:{collector.Port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }))
        {
            using var response = await app.Client.GetAsync(new Uri("hello/otlp", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Stopping the app flushes the batch processor.
        var post = await Eventually.FindAsync(() => collector.Requests.FirstOrDefault(), "an OTLP export");
        post.Path.ShouldBe("/v1/traces");
        post.ContentType.ShouldBe("application/x-protobuf");
        post.Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AddCutoverTelemetry_EndpointNotAUri_ReportsTheVariable()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[TelemetryEnvironmentVariables.OtlpEndpoint] = "not a uri";

        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => builder.AddCutoverTelemetry());

        error.Failures.ShouldBe(["OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI, but was 'not a uri'."]);
        await Task.CompletedTask;
    }

    private sealed record OtlpPost(string Path, string? ContentType, long Length);

    /// <summary>Accepts OTLP/HTTP posts on 127.0.0.1 and remembers them.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeCollector(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public ConcurrentQueue<OtlpPost> Requests { get; } = new();

        public static async Task<FakeCollector> StartAsync()
        {
            var port = FreePorts.Next();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector(app, port);
            app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector.Requests.Enqueue(new OtlpPost(request.Path, request.ContentType, body.Length));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
