using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Local.Networking;
using Cutover.Local.Secrets;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Processes;

/// <summary>Service instances as local processes, each on its own loopback port from the manifest's range.</summary>
public sealed partial class ProcessInstanceRuntime : IInstanceRuntime, IAsyncDisposable
{
    private readonly ProcessInstanceRuntimeOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<ProcessInstanceRuntime> _logger;
    // Child is null for an instance adopted from an earlier control plane: known by pid only.
    private readonly ConcurrentDictionary<string, (InstanceEndpoint Endpoint, ChildProcess? Child)> _instances = new();
    private readonly Lock _portGate = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<(string Version, DateTimeOffset At)> _unexpectedExits = new();

    public ProcessInstanceRuntime(ProcessInstanceRuntimeOptions options, HttpClient http, ILogger<ProcessInstanceRuntime> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _http = http;
        _logger = logger;
    }

    public IReadOnlyList<InstanceEndpoint> Running => [.. _instances.Values.Where(i => ExitCodeOf(i) is null).Select(i => i.Endpoint)];

    /// <summary>Every instance this runtime answers for, including ones that exited on their own; not ones it was told to stop.</summary>
    public IReadOnlyList<InstanceEndpoint> Tracked => [.. _instances.Values.Select(i => i.Endpoint)];

    /// <summary>Marker in every instance's environment: finds this platform's instances among all processes.</summary>
    private string Tag => Path.GetFullPath(_options.LogDirectory);

    /// <summary>
    /// The exit code of a known instance that has exited on its own; null while it runs or when unknown.
    /// An adopted instance that is gone reports -1: its real exit code went to the control plane that started it.
    /// </summary>
    public int? ExitCodeOf(string instanceId) =>
        _instances.TryGetValue(instanceId, out var known) ? ExitCodeOf(known) : null;

    /// <summary>Instances of <paramref name="version"/> that exited on their own between the two times.</summary>
    public int UnexpectedExits(string version, DateTimeOffset from, DateTimeOffset to) =>
        _unexpectedExits.Count(e => e.Version == version && e.At > from && e.At <= to);

    /// <summary>
    /// Takes over an instance started by an earlier control plane, if its process still runs and still is that
    /// instance. Returns false (and adopts nothing) otherwise.
    /// </summary>
    public bool Adopt(InstanceEndpoint instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!IsInstanceProcess(instance))
        {
            return false;
        }

        _instances.TryAdd(instance.Id, (instance, null));
        LogAdopted(_logger, instance.Id, instance.ProcessId);
        return true;
    }

    /// <summary>Processes of this platform's instances that nobody adopted: leftovers of a crashed control plane.</summary>
    public IReadOnlyList<(int ProcessId, string InstanceId)> FindOrphans()
    {
        var orphans = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            var environment = ReadEnvironment(pid);
            if (environment.TryGetValue("CUTOVER_RUNTIME_TAG", out var tag) && tag == Tag
                && environment.TryGetValue("CUTOVER_INSTANCE_ID", out var id) && !_instances.ContainsKey(id))
            {
                orphans.Add((pid, id));
            }
        }

        return orphans;
    }

    /// <summary>Stops a leftover process found by <see cref="FindOrphans"/>, gracefully.</summary>
    public Task StopOrphanAsync(int processId, string instanceId, TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        StopByPidAsync(new InstanceEndpoint(instanceId, string.Empty, "127.0.0.1", 0, processId), gracePeriod, cancellationToken);

    public Task<InstanceEndpoint> StartAsync(string version, CancellationToken cancellationToken)
    {
        var manifest = _options.Manifest;
        if (!manifest.Versions.TryGetValue(version, out var spec))
        {
            throw new InvalidOperationException($"version '{version}' is not declared under versions: in {manifest.SourcePath}");
        }

        var run = manifest.Service.Run;
        // Resolved at every start, so a rotated file: secret reaches the next release; the coordinator checks them
        // before a release starts, so a problem here means a secret vanished in between.
        var secrets = _options.Environment is { } environmentSpec
            ? SecretResolver.Resolve(manifest, environmentSpec, _options.ManifestDirectory, System.Environment.GetEnvironmentVariable)
            : null;
        if (secrets is { Resolved: false })
        {
            throw new InvalidOperationException(string.Join(" ", secrets.Problems));
        }

        lock (_portGate)
        {
            var port = FindFreePort();
            // Random suffix: ids stay unique across control-plane restarts, which reuse ports.
            var id = $"{version}-{port}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";
            // Later wins: the service's run.env, the environment's settings, the version's env and faults, then secrets.
            var environment = new Dictionary<string, string>(run.Env, StringComparer.Ordinal);
            foreach (var (key, value) in _options.Environment?.Settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            foreach (var (key, value) in spec.Env)
            {
                environment[key] = value;
            }

            foreach (var (key, value) in FaultEnvironment(spec.Faults))
            {
                environment[key] = value;
            }

            foreach (var (key, value) in secrets?.Values ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            if (_options.FeatureFlagsFile is { } flagsFile)
            {
                environment[Flags.FeatureFlagsFile.Variable] = flagsFile;
            }

            environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
            environment["CUTOVER_VERSION"] = version;
            environment["CUTOVER_INSTANCE_ID"] = id;
            environment["CUTOVER_SERVICE"] = manifest.Service.Name;
            environment["CUTOVER_RUNTIME_TAG"] = Tag;

            var workingDirectory = Path.GetFullPath(Path.Combine(_options.ManifestDirectory, run.WorkingDirectory));
            var process = ChildProcess.Start(run.Command, run.Args, workingDirectory, environment, Path.Combine(_options.LogDirectory, id + ".log"));
            var endpoint = new InstanceEndpoint(id, version, "127.0.0.1", port, process.ProcessId);
            _instances[id] = (endpoint, process);
            process.Exited += (_, _) =>
            {
                // Still registered means nobody asked it to stop: a crash, counted for the crash-loop alarm.
                if (_instances.ContainsKey(id))
                {
                    _unexpectedExits.Enqueue((version, _time.GetUtcNow()));
                    LogExited(_logger, id, process.ExitCode ?? -1);
                }
            };
            LogStarted(_logger, id, port, process.ProcessId);
            return Task.FromResult(endpoint);
        }
    }

    public async Task<ProbeResult> ProbeAsync(InstanceEndpoint instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_instances.TryGetValue(instance.Id, out var known) && ExitCodeOf(known) is { } exitCode)
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
        if (_instances.TryRemove(instance.Id, out var known) && known.Child is { } child)
        {
            var exitCode = await child.StopAsync(gracePeriod, cancellationToken).ConfigureAwait(false);
            await child.DisposeAsync().ConfigureAwait(false);
            LogStopped(_logger, instance.Id, exitCode);
        }
        else
        {
            // Adopted, or not started by this control plane at all: stop it by pid, same grace.
            await StopByPidAsync(instance, gracePeriod, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopByPidAsync(InstanceEndpoint instance, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (!IsInstanceProcess(instance))
        {
            return;
        }

        PosixSignals.Send(instance.ProcessId, PosixSignals.SigTerm);
        var started = _time.GetTimestamp();
        while (IsInstanceProcess(instance) && _time.GetElapsedTime(started) < gracePeriod)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }

        if (IsInstanceProcess(instance))
        {
            PosixSignals.Send(instance.ProcessId, PosixSignals.SigKill);
        }

        LogStopped(_logger, instance.Id, -1);
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
    internal static bool IsInstanceProcess(InstanceEndpoint instance) =>
        instance.ProcessId > 0
        && ReadEnvironment(instance.ProcessId).TryGetValue("CUTOVER_INSTANCE_ID", out var id)
        && id == instance.Id
        && !IsZombie(instance.ProcessId);

    private static int? ExitCodeOf((InstanceEndpoint Endpoint, ChildProcess? Child) known) =>
        known.Child is { } child ? child.ExitCode : IsInstanceProcess(known.Endpoint) ? null : -1;

    private static Dictionary<string, string> ReadEnvironment(int processId)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in File.ReadAllText($"/proc/{processId}/environ").Split('\0'))
            {
                var equals = entry.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    variables[entry[..equals]] = entry[(equals + 1)..];
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone, or not ours to read: no variables.
        }

        return variables;
    }

    /// <summary>An exited process not yet reaped by its parent still shows its environment; it is not running.</summary>
    private static bool IsZombie(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is "Z" or "X";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
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

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Instance {InstanceId} exited on its own with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, string instanceId, int exitCode);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Adopted instance {InstanceId} (pid {ProcessId}) from an earlier control plane")]
    private static partial void LogAdopted(ILogger logger, string instanceId, int processId);
}
