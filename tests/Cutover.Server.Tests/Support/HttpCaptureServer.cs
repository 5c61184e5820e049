using System.Collections.Concurrent;
using System.Text.Json;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Tests.Support;

/// <summary>A real HTTP receiver on 127.0.0.1 that keeps every JSON body posted to it, by path.</summary>
internal sealed class HttpCaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpCaptureServer(WebApplication app, int port)
    {
        _app = app;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<(string Path, JsonElement Body)> Received { get; } = new();

    public static async Task<HttpCaptureServer> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new HttpCaptureServer(app, port);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            server.Received.Enqueue((context.Request.Path, document.RootElement.Clone()));
            return Results.Ok();
        });
        await app.StartAsync();
        return server;
    }

    public IReadOnlyList<JsonElement> On(string path) => [.. Received.Where(r => r.Path == path).Select(r => r.Body)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
