using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Server;
using Cutover.Server.Api;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;

namespace Cutover.Testing.Platform;

/// <summary>
/// A whole local platform for one test: a manifest on free loopback ports, the real control plane in-process,
/// real HAProxy, Prometheus and sample-service processes. Timings are short so a canary takes seconds. Shared by the
/// server's end-to-end tests and the dashboard's browser tests.
/// </summary>
public sealed class PlatformFixture : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private PlatformFixture(string directory, ControlPlaneOptions options, WebApplication app)
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

    /// <summary>The web dashboard's page.</summary>
    public Uri Page => new(Options.ControlPlaneUri, "/dashboard/");

    /// <param name="ports">Where everything listens.</param>
    /// <param name="extraSections">Top-level sections appended to the manifest.</param>
    /// <param name="smokeHook">Whether releases run scripts/smoke.sh against the test listener.</param>
    /// <param name="stepPause">How long each canary step holds.</param>
    /// <param name="guard">Whether the fail-fast guard runs (its default); off for tests about what the alarms do.</param>
    public static string ManifestYaml(LocalPortsSpec ports, string extraSections = "", bool smokeHook = true, string stepPause = "1500ms", bool guard = true) => $$"""
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
            timeout: 1s
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
          v3-broken:
            faults: { errorRate: 1.0 }
          v3-errors:
            faults: { errorRate: 0.2 }
          v4-slow:
            faults: { addedLatency: 2500ms }
          v5-leak:
            faults: { memoryGrowthMbPerSecond: 100 }
          v6-unready:
            faults: { failReadiness: true }
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
          preTrafficHooks: {{(smokeHook ? SmokeHook : "[]")}}
          bakeTime: 1s
          terminationWait: 1s
          {{(guard ? "" : "guard: { enabled: false }")}}
          canary:
            steps: [5, 10, 25, 50, 100]
            pause: {{stepPause}}
          linear:
            stepPercent: 50
            interval: 1s
        {{extraSections}}
        """;

    private static string SmokeHook => $"[{{ name: smoke, command: bash, args: [\"{Path.Combine(RepositoryPaths.Root, "scripts", "smoke.sh")}\"], timeout: 20s }}]";

    /// <param name="bindAddress">Where everything listens; anything but 127.0.0.1 makes the API ask for the token.</param>
    public static LocalPortsSpec NewPorts(string bindAddress = "127.0.0.1")
    {
        var from = FreePorts.NextRange(12);
        return new LocalPortsSpec
        {
            BindAddress = bindAddress,
            AlertmanagerPort = FreePorts.Next(),
            ProductionPort = FreePorts.Next(),
            TestPort = FreePorts.Next(),
            HaproxyStatsPort = FreePorts.Next(),
            PrometheusPort = FreePorts.Next(),
            ControlPlanePort = FreePorts.Next(),
            InstancePortsFrom = from,
            InstancePortsTo = from + 11,
        };
    }

    /// <summary>Parses the manifest text with the real parser; a fixture manifest that does not parse fails the test.</summary>
    public static ControlPlaneOptions OptionsFor(string yaml, string directory, string? stateDirectory = null)
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
            StateDirectory = stateDirectory ?? Path.Combine(directory, ".cutover"),
        };
    }

    /// <param name="extraSections">Top-level sections appended to the manifest.</param>
    /// <param name="smokeHook">Whether releases run scripts/smoke.sh against the test listener.</param>
    /// <param name="editManifest">Changes the manifest text before it is parsed; gets the test's temp folder too.</param>
    /// <param name="bindAddress">Where everything listens; anything but 127.0.0.1 makes the API ask for the token.</param>
    /// <param name="token">The control plane's <see cref="ApiAccessOptions.TokenVariable"/>, or null for none.</param>
    /// <param name="stepPause">How long each canary step holds.</param>
    /// <param name="stateDirectory">Where the state goes instead of the temp folder's .cutover (a small disk, say).</param>
    /// <param name="guard">Whether the fail-fast guard runs (its default); off for tests about what the alarms do.</param>
    public static async Task<PlatformFixture> StartAsync(
        string extraSections = "",
        bool smokeHook = true,
        Func<string, string, string>? editManifest = null,
        string bindAddress = "127.0.0.1",
        string? token = null,
        string stepPause = "1500ms",
        string? stateDirectory = null,
        bool guard = true)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cutover-e2e-").FullName;
        var yaml = ManifestYaml(NewPorts(bindAddress), extraSections, smokeHook, stepPause, guard);
        var options = OptionsFor(editManifest is null ? yaml : editManifest(yaml, directory), directory, stateDirectory);
        // The token is read once, while the app is built; tests that set one never run in parallel with each other.
        Environment.SetEnvironmentVariable(ApiAccessOptions.TokenVariable, token);
        WebApplication app;
        try
        {
            // Warnings only: the release events are asserted through the audit trail, not read from the log.
            app = ControlPlaneHost.Build(options, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ApiAccessOptions.TokenVariable, null);
        }

        await app.StartAsync();
        return new PlatformFixture(directory, options, app);
    }

    /// <summary>A version to release now: the other good one.</summary>
    public async Task<string> OtherGoodVersionAsync() =>
        (await GetStatusAsync()).CurrentVersion == "v1" ? "v2" : "v1";

    public Task<ReleaseState> DeployAsync(string version, string? strategy = null) => DeployWithAsync(new DeployRequest(version, strategy));

    public async Task<ReleaseState> DeployWithAsync(DeployRequest request)
    {
        var version = request.Version;
        using var response = await Api.PostAsJsonAsync("api/v1/releases", request, Json);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deploy {version}: {(int)response.StatusCode} {body}");
        }

        return JsonSerializer.Deserialize<ReleaseState>(body, Json)!;
    }

    public async Task<ReleaseState> GetReleaseAsync(string id) =>
        (await Api.GetFromJsonAsync<ReleaseState>($"api/v1/releases/{id}", Json))!;

    public async Task<StatusResponse> GetStatusAsync() =>
        (await Api.GetFromJsonAsync<StatusResponse>("api/v1/status", Json))!;

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string releaseId) =>
        (await Api.GetFromJsonAsync<List<AuditEntry>>($"api/v1/audit?release={releaseId}", Json))!;

    /// <summary>Polls the release until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReleaseState> WaitForAsync(string releaseId, Func<ReleaseState, bool> condition, TimeSpan? timeout = null)
    {
        var clock = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        while (true)
        {
            var release = await GetReleaseAsync(releaseId);
            if (condition(release))
            {
                return release;
            }

            if (TimeProvider.System.GetElapsedTime(clock) > limit)
            {
                throw new TimeoutException($"release {releaseId} is {release.Phase} step {release.StepIndex} ({release.Reason})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
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
