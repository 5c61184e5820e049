using System.Diagnostics;
using System.Net;
using Cutover.Telemetry.Tests.Tracing;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Cutover.Telemetry.Tests;

/// <summary>
/// A small ASP.NET Core app with Cutover.Telemetry on real Kestrel at 127.0.0.1, in the test process: endpoints
/// <c>/hello/{name}</c> (answers the trace id it runs under) and <c>/fail</c> (throws). Console logging is off.
/// </summary>
internal sealed class TelemetryApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryApp(WebApplication app, int port, SpanCollector spans)
    {
        _app = app;
        Port = port;
        Spans = spans;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public SpanCollector Spans { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TelemetryApp> StartAsync(
        Action<CutoverTelemetryOptions>? configure = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<WebApplication>? map = null)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        var spans = new SpanCollector(port);
        builder.AddCutoverTelemetry(options =>
        {
            options.JsonConsoleLogging = false;
            options.ConfigureTracing = tracing => tracing.AddProcessor(spans);
            configure?.Invoke(options);
        });
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.MapGet("/hello/{name}", static (string name) => TypedResults.Ok(new Hello(name, Activity.Current?.TraceId.ToHexString())));
        app.MapGet("/fail", static string () => throw new InvalidOperationException("boom"));
        map?.Invoke(app);
        await app.StartAsync();
        return new TelemetryApp(app, port, spans);
    }

    public async Task<string> ScrapeAsync()
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Hello(string Name, string? TraceId);
}
