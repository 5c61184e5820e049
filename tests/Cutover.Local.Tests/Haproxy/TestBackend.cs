using Cutover.Core.Instances;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Tests.Haproxy;

/// <summary>A real HTTP server on 127.0.0.1 standing in for a service instance: <c>/</c> answers its name, <c>/health/ready</c> 200 while ready.</summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private bool _stopped;

    private TestBackend(string name, WebApplication app, int port)
    {
        Name = name;
        _app = app;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>What <c>/health/ready</c> answers: 200 while true, 503 while false.</summary>
    public bool Ready { get; set; } = true;

    public int Requests => Volatile.Read(ref _requests);

    public InstanceEndpoint Endpoint => new(Name, "v-test", "127.0.0.1", Port, Environment.ProcessId);

    /// <param name="name">Answered by <c>/</c>, and the instance id of <see cref="Endpoint"/>.</param>
    /// <param name="responseDelay">How long <c>/</c> takes, so requests are in flight when traffic moves.</param>
    public static async Task<TestBackend> StartAsync(string name, TimeSpan responseDelay = default)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var backend = new TestBackend(name, app, port);
        app.MapGet("/", async (CancellationToken cancellationToken) =>
        {
            Interlocked.Increment(ref backend._requests);
            if (responseDelay > TimeSpan.Zero)
            {
                await Task.Delay(responseDelay, TimeProvider.System, cancellationToken);
            }

            return name;
        });
        app.MapGet("/health/ready", () => backend.Ready ? Results.Text("ready") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync();
        return backend;
    }

    /// <summary>Graceful stop: no new connections, in-flight requests finish, idle keep-alive connections close.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
