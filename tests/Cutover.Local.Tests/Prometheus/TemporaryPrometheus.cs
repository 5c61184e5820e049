using Cutover.Local.Prometheus;
using Cutover.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Prometheus;

/// <summary>A real Prometheus on a free loopback port in its own temp folder; disposing stops it and deletes the folder.</summary>
internal sealed class TemporaryPrometheus : IAsyncDisposable
{
    private readonly HttpClient _httpClient = new() { Timeout = TimeSpan.FromSeconds(5) };

    private TemporaryPrometheus(PrometheusOptions options)
    {
        Options = options;
        Process = new PrometheusProcess(options, NullLogger<PrometheusProcess>.Instance, TimeProvider.System);
        Client = new PrometheusClient(_httpClient, Process.BaseUri);
    }

    public PrometheusOptions Options { get; }

    public PrometheusProcess Process { get; }

    public PrometheusClient Client { get; }

    public static PrometheusOptions CreateOptions(int? port = null) => new()
    {
        RuntimeDirectory = Directory.CreateTempSubdirectory("cutover-prometheus-").FullName,
        ServiceName = "demo",
        Port = port ?? FreePorts.Next(),

        // Nothing listens there: the haproxy job is simply down.
        HaproxyStatsPort = FreePorts.Next(),
    };

    public static TemporaryPrometheus Create(PrometheusOptions? options = null) => new(options ?? CreateOptions());

    /// <summary>Starts and asserts that it started.</summary>
    public static async Task<TemporaryPrometheus> StartAsync()
    {
        var prometheus = Create();
        var result = await prometheus.Process.StartAsync(CancellationToken.None);
        if (!result.Started)
        {
            await prometheus.DisposeAsync();
            Assert.Fail($"Prometheus did not start: {result.Message}\n{string.Join('\n', result.Output)}");
        }

        return prometheus;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _httpClient.Dispose();
        Directory.Delete(Options.RuntimeDirectory, recursive: true);
    }
}
