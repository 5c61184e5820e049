using System.Diagnostics;
using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Core.Routing;
using Cutover.Local.Haproxy;
using Cutover.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Haproxy;

/// <summary>A real HAProxy on free loopback ports with fast health checks, its router, and clients for both listeners. Disposing stops it.</summary>
internal sealed class HaproxyHarness : IAsyncDisposable
{
    public static readonly HealthCheckSpec FastHealthCheck = new()
    {
        Interval = TimeSpan.FromMilliseconds(100),
        Timeout = TimeSpan.FromSeconds(1),
        HealthyThreshold = 2,
        UnhealthyThreshold = 2,
    };

    private HaproxyHarness(HaproxyOptions options, HaproxyProcess process)
    {
        Options = options;
        Process = process;
        Router = new HaproxyRouter(options.ToRouterOptions(), NullLogger<HaproxyRouter>.Instance, TimeProvider.System);
        Production = NewClient(options.Ports.ProductionPort);
        Test = NewClient(options.Ports.TestPort);
    }

    public HaproxyOptions Options { get; }

    public HaproxyProcess Process { get; }

    public HaproxyRouter Router { get; }

    /// <summary>Client for the production listener.</summary>
    public HttpClient Production { get; }

    /// <summary>Client for the test listener.</summary>
    public HttpClient Test { get; }

    /// <summary>Options on fresh free ports and a fresh, short runtime directory (unix socket paths are limited to ~100 bytes).</summary>
    public static HaproxyOptions NewOptions(int slotCount = 4) => new()
    {
        RuntimeDirectory = Path.Combine(Path.GetTempPath(), "cutover-hx-" + Guid.NewGuid().ToString("N")[..10]),
        Ports = new LocalPortsSpec
        {
            BindAddress = "127.0.0.1",
            ProductionPort = FreePorts.Next(),
            TestPort = FreePorts.Next(),
            HaproxyStatsPort = FreePorts.Next(),
        },
        HealthCheck = FastHealthCheck,
        SlotCount = slotCount,
        StopTimeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<HaproxyHarness> StartAsync(HaproxyOptions? options = null)
    {
        options ??= NewOptions();
        var process = new HaproxyProcess(options, NullLogger<HaproxyProcess>.Instance, TimeProvider.System);
        var result = await process.StartAsync(CancellationToken.None);
        if (!result.Started)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"HAProxy did not start: {result.Message}\n{string.Join("\n", result.Output)}");
        }

        return new HaproxyHarness(options, process);
    }

    /// <summary>Adds the backends to production and waits until HAProxy's checks mark them all UP.</summary>
    public async Task AddHealthyAsync(params TestBackend[] backends)
    {
        foreach (var backend in backends)
        {
            await Router.AddAsync(backend.Endpoint, CancellationToken.None);
        }

        await WaitForStateAsync(
            state => backends.All(backend => state.Any(instance => instance.InstanceId == backend.Name && instance.Healthy)),
            "all backends healthy");
    }

    public async Task<IReadOnlyList<RoutedInstance>> WaitForStateAsync(Func<IReadOnlyList<RoutedInstance>, bool> condition, string what)
    {
        var stopwatch = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var state = await Router.GetStateAsync(CancellationToken.None);
            if (condition(state))
            {
                return state;
            }

            if (TimeProvider.System.GetElapsedTime(stopwatch) > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Not {what} after 10 s: {string.Join("; ", state)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    /// <summary>Sends <paramref name="count"/> GETs one after another and counts the answering backends by name; other answers count under their status.</summary>
    public static async Task<Dictionary<string, int>> CountAnswersAsync(HttpClient client, int count)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            var key = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"HTTP {(int)response.StatusCode}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    public static InstanceEndpoint Unreachable(string id) => new(id, "v-test", "127.0.0.1", FreePorts.Next(), 0);

    public async ValueTask DisposeAsync()
    {
        Production.Dispose();
        Test.Dispose();
        Router.Dispose();
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(Options.RuntimeDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private static HttpClient NewClient(int port) => new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(10),
    };
}
