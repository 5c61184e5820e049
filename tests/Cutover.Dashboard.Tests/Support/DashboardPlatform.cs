using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Server;
using Cutover.Server.Api;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;

namespace Cutover.Dashboard.Tests.Support;

/// <summary>
/// A whole local platform for the dashboard tests, modelled on the server tests' fixture: a manifest on free ports,
/// the real control plane in-process, real HAProxy, Prometheus and sample-service processes. Steps hold long enough
/// for a person, or a browser, to see each one.
/// </summary>
internal sealed class DashboardPlatform : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private DashboardPlatform(string directory, ControlPlaneOptions options, WebApplication app)
    {
        Directory = directory;
        Options = options;
        App = app;
        Api = new HttpClient { BaseAddress = options.ControlPlaneUri, Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Add(ReleaseApi.ActorHeader, "test");
    }

    public string Directory { get; }

    public ControlPlaneOptions Options { get; }

    public WebApplication App { get; }

    public HttpClient Api { get; }

    public Uri Production => Options.ProductionUri;

    public Uri Page => new(Options.ControlPlaneUri, "/dashboard/");

    /// <param name="bindAddress">Where everything listens; anything but 127.0.0.1 makes the API ask for the token.</param>
    /// <param name="token">The control plane's <see cref="ApiAccessOptions.TokenVariable"/>, or null for none.</param>
    /// <param name="stepPause">How long each canary step holds.</param>
    public static async Task<DashboardPlatform> StartAsync(string bindAddress = "127.0.0.1", string? token = null, string stepPause = "2s")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cutover-dashboard-").FullName;
        var options = OptionsFor(ManifestYaml(NewPorts(bindAddress), stepPause), directory);
        // The token is read once, while the app is built; tests in this assembly never run in parallel.
        Environment.SetEnvironmentVariable(ApiAccessOptions.TokenVariable, token);
        WebApplication app;
        try
        {
            app = ControlPlaneHost.Build(options, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ApiAccessOptions.TokenVariable, null);
        }

        await app.StartAsync();
        return new DashboardPlatform(directory, options, app);
    }

    private static string ManifestYaml(LocalPortsSpec ports, string stepPause) => $$"""
        service:
          name: sample
          run:
            command: dotnet
            args: ["{{RepositoryPaths.SampleServiceDll}}"]
            env:
              CUTOVER_SHUTDOWN_TIMEOUT_S: "10"
          instances: 2
          initialVersion: v1
          healthCheck:
            interval: 500ms
            timeout: 2s
            healthyThreshold: 2
            unhealthyThreshold: 2
            startTimeout: 20s
          shutdown:
            deregistrationDelay: 1s
            stopTimeout: 10s
        versions:
          v1: {}
          v2:
            env: { GREETING: hi }
          v3-errors:
            faults: { errorRate: 0.2 }
        environments:
          local:
            target: local
            ports:
              bindAddress: {{ports.BindAddress}}
              production: {{ports.ProductionPort}}
              test: {{ports.TestPort}}
              haproxyStats: {{ports.HaproxyStatsPort}}
              prometheus: {{ports.PrometheusPort}}
              alertmanager: {{ports.AlertmanagerPort}}
              controlPlane: {{ports.ControlPlanePort}}
              instancesFrom: {{ports.InstancePortsFrom}}
              instancesTo: {{ports.InstancePortsTo}}
        release:
          strategy: canary
          preTrafficHooks: []
          bakeTime: 1s
          terminationWait: 1s
          canary:
            steps: [5, 10, 25, 50, 100]
            pause: {{stepPause}}
        """;

    private static LocalPortsSpec NewPorts(string bindAddress)
    {
        var from = FreePorts.NextRange(12);
        return new LocalPortsSpec
        {
            BindAddress = bindAddress,
            ProductionPort = FreePorts.Next(),
            TestPort = FreePorts.Next(),
            HaproxyStatsPort = FreePorts.Next(),
            PrometheusPort = FreePorts.Next(),
            AlertmanagerPort = FreePorts.Next(),
            ControlPlanePort = FreePorts.Next(),
            InstancePortsFrom = from,
            InstancePortsTo = from + 11,
        };
    }

    private static ControlPlaneOptions OptionsFor(string yaml, string directory)
    {
        var path = Path.Combine(directory, "cutover.yaml");
        File.WriteAllText(path, yaml);
        var parsed = ManifestParser.Parse(yaml, path);
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException("fixture manifest is invalid: " + string.Join("; ", parsed.Errors));
        }

        var manifest = parsed.Manifest!;
        return new ControlPlaneOptions
        {
            Manifest = manifest,
            Environment = manifest.Environments["local"],
            ManifestDirectory = directory,
            StateDirectory = Path.Combine(directory, ".cutover"),
        };
    }

    public async Task<ReleaseState> DeployAsync(string version)
    {
        using var response = await Api.PostAsJsonAsync("api/v1/releases", new DeployRequest(version, null), Json);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deploy {version}: {(int)response.StatusCode} {body}");
        }

        return JsonSerializer.Deserialize<ReleaseState>(body, Json)!;
    }

    public async Task<StatusResponse> GetStatusAsync() =>
        (await Api.GetFromJsonAsync<StatusResponse>("api/v1/status", Json))!;

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string releaseId) =>
        (await Api.GetFromJsonAsync<List<AuditEntry>>($"api/v1/audit?release={releaseId}", Json))!;

    /// <summary>A version to release now: the other good one.</summary>
    public async Task<string> OtherGoodVersionAsync() =>
        (await GetStatusAsync()).CurrentVersion == "v1" ? "v2" : "v1";

    /// <summary>Polls the release until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReleaseState> WaitForAsync(string releaseId, Func<ReleaseState, bool> condition, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        while (true)
        {
            var release = (await Api.GetFromJsonAsync<ReleaseState>($"api/v1/releases/{releaseId}", Json))!;
            if (condition(release))
            {
                return release;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"release {releaseId} is {release.Phase} step {release.StepIndex} ({release.Reason})");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temp folder is cleaned by the OS later.
        }
    }
}
