using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Local.Networking;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Processes;

/// <summary>Service instances as local processes, each on its own loopback port from the manifest's range.</summary>
public sealed partial class ProcessInstanceRuntime : IInstanceRuntime, IAsyncDisposable
{
    private readonly ProcessInstanceRuntimeOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<ProcessInstanceRuntime> _logger;
    private readonly ConcurrentDictionary<string, (InstanceEndpoint Endpoint, ChildProcess Process)> _instances = new();
    private readonly Lock _portGate = new();
    private int _sequence;

    public ProcessInstanceRuntime(ProcessInstanceRuntimeOptions options, HttpClient http, ILogger<ProcessInstanceRuntime> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = http;
        _logger = logger;
    }

    public IReadOnlyList<InstanceEndpoint> Running => [.. _instances.Values.Where(i => !i.Process.HasExited).Select(i => i.Endpoint)];

    /// <summary>The exit code of an instance this runtime started that has exited on its own; null while it runs.</summary>
    public int? ExitCodeOf(string instanceId) =>
        _instances.TryGetValue(instanceId, out var known) ? known.Process.ExitCode : null;

    public Task<InstanceEndpoint> StartAsync(string version, CancellationToken cancellationToken)
    {
        var manifest = _options.Manifest;
        if (!manifest.Versions.TryGetValue(version, out var spec))
        {
            throw new InvalidOperationException($"version '{version}' is not declared under versions: in {manifest.SourcePath}");
        }

        var run = manifest.Service.Run;
        lock (_portGate)
        {
            var port = FindFreePort();
            var id = $"{version}-{Interlocked.Increment(ref _sequence)}-{port}";
            var environment = new Dictionary<string, string>(run.Env, StringComparer.Ordinal);
            foreach (var (key, value) in spec.Env)
            {
                environment[key] = value;
            }

            foreach (var (key, value) in FaultEnvironment(spec.Faults))
            {
                environment[key] = value;
            }

            environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
            environment["CUTOVER_VERSION"] = version;
            environment["CUTOVER_INSTANCE_ID"] = id;
            environment["CUTOVER_SERVICE"] = manifest.Service.Name;

            var workingDirectory = Path.GetFullPath(Path.Combine(_options.ManifestDirectory, run.WorkingDirectory));
            var process = ChildProcess.Start(run.Command, run.Args, workingDirectory, environment, Path.Combine(_options.LogDirectory, id + ".log"));
            var endpoint = new InstanceEndpoint(id, version, "127.0.0.1", port, process.ProcessId);
            _instances[id] = (endpoint, process);
            LogStarted(_logger, id, port, process.ProcessId);
            return Task.FromResult(endpoint);
        }
    }

    public async Task<ProbeResult> ProbeAsync(InstanceEndpoint instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_instances.TryGetValue(instance.Id, out var known) && known.Process.ExitCode is { } exitCode)
        {
            return ProbeResult.Exited(exitCode);
        }

        var health = _options.Manifest.Service.HealthCheck;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(health.Timeout);
        try
        {
            using var response = await _http.GetAsync(new Uri(instance.BaseUri, health.Path), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? ProbeResult.Pass
                : ProbeResult.Fail($"{health.Path} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail($"{health.Path} did not answer within {health.Timeout.TotalSeconds:0.#}s");
        }
        catch (HttpRequestException ex)
        {
            return ProbeResult.Fail($"{health.Path}: {ex.Message}");
        }
    }

    public async Task StopAsync(InstanceEndpoint instance, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_instances.TryRemove(instance.Id, out var known))
        {
            var exitCode = await known.Process.StopAsync(gracePeriod, cancellationToken).ConfigureAwait(false);
            await known.Process.DisposeAsync().ConfigureAwait(false);
            LogStopped(_logger, instance.Id, exitCode);
        }
        else if (IsInstanceProcess(instance))
        {
            // Not started by this control plane (it restarted since): stop it by pid, same grace.
            PosixSignals.Send(instance.ProcessId, PosixSignals.SigTerm);
            var deadline = Environment.TickCount64 + (long)gracePeriod.TotalMilliseconds;
            while (PosixSignals.Exists(instance.ProcessId) && Environment.TickCount64 < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            PosixSignals.Send(instance.ProcessId, PosixSignals.SigKill);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var grace = _options.Manifest.Service.Shutdown.StopTimeout;
        await Task.WhenAll(_instances.Values.Select(i => StopAsync(i.Endpoint, grace, CancellationToken.None))).ConfigureAwait(false);
    }

    /// <summary>
    /// True when the pid still belongs to this instance: its environment names the instance id. A pid alone could
    /// have been reused by an unrelated process since the instance was recorded.
    /// </summary>
    internal static bool IsInstanceProcess(InstanceEndpoint instance)
    {
        try
        {
            var environment = File.ReadAllText($"/proc/{instance.ProcessId}/environ");
            return environment.Split('\0').Contains($"CUTOVER_INSTANCE_ID={instance.Id}", StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Environment variables the sample service reads its fault switches from.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> FaultEnvironment(FaultSpec faults)
    {
        if (faults.ErrorRate > 0)
        {
            yield return new("CUTOVER_FAULT_ERROR_RATE", faults.ErrorRate.ToString(CultureInfo.InvariantCulture));
        }

        if (faults.AddedLatency > TimeSpan.Zero)
        {
            yield return new("CUTOVER_FAULT_LATENCY_MS", ((int)faults.AddedLatency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        if (faults.MemoryGrowthMbPerSecond > 0)
        {
            yield return new("CUTOVER_FAULT_MEMORY_GROWTH_MB_PER_S", faults.MemoryGrowthMbPerSecond.ToString(CultureInfo.InvariantCulture));
        }

        if (faults.FailReadiness)
        {
            yield return new("CUTOVER_FAULT_FAIL_READINESS", "true");
        }

        if (faults.CrashAtStart)
        {
            yield return new("CUTOVER_FAULT_CRASH_AT_START", "true");
        }
    }

    private int FindFreePort()
    {
        var ports = _options.Ports;
        var taken = _instances.Values.Select(i => i.Endpoint.Port).ToHashSet();
        for (var port = ports.InstancePortsFrom; port <= ports.InstancePortsTo; port++)
        {
            if (!taken.Contains(port) && LoopbackPorts.CanBind(IPAddress.Loopback, port))
            {
                return port;
            }
        }

        throw new InvalidOperationException(
            $"no free port between {ports.InstancePortsFrom} and {ports.InstancePortsTo} (environments.local.ports.instancesFrom/instancesTo): stop what uses them or widen the range");
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Started instance {InstanceId} on port {Port} (pid {ProcessId})")]
    private static partial void LogStarted(ILogger logger, string instanceId, int port, int processId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Stopped instance {InstanceId} (exit code {ExitCode})")]
    private static partial void LogStopped(ILogger logger, string instanceId, int exitCode);
}
