using System.Net;
using System.Text;
using Cutover.Core.Manifest;
using static Cutover.Local.OptionChecks;

namespace Cutover.Local.Haproxy;

/// <summary>How the local HAProxy is configured and run.</summary>
public sealed record HaproxyOptions
{
    /// <summary>The most server slots a backend may declare.</summary>
    public const int MaxSlotCount = 1000;

    // sockaddr_un.sun_path is 108 bytes on Linux (104 on macOS), including the terminating NUL.
    private const int MaxSocketPathBytes = 103;

    private const string FinerUnitReason = "HAProxy has no finer unit";

    /// <summary>
    /// The folder HAProxy owns: <c>haproxy.cfg</c> and the runtime API socket <c>haproxy.sock</c>. Keep it short: a unix
    /// socket path may not exceed about 100 bytes.
    /// </summary>
    public required string RuntimeDirectory { get; init; }

    /// <summary>Listener addresses and ports. Default: the manifest defaults (8080, 8081, 8404 on 127.0.0.1).</summary>
    public LocalPortsSpec Ports { get; init; } = new();

    /// <summary>Readiness path, check interval and thresholds used for every server slot.</summary>
    public HealthCheckSpec HealthCheck { get; init; } = new();

    /// <summary>Server slots per backend: the most instances that can be routed at once. Default 16.</summary>
    public int SlotCount { get; init; } = 16;

    /// <summary>The HAProxy binary: a path, or a name looked up on PATH. Default <c>haproxy</c>.</summary>
    public string HaproxyPath { get; init; } = "haproxy";

    /// <summary>How long start-up may take until the runtime API answers. Default 10 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop waits after the soft-stop signal (SIGUSR1) for open connections to finish before killing. Default 10 s.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one runtime API command may take. Default 5 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The generated configuration file.</summary>
    public string ConfigFilePath => Path.Combine(Path.GetFullPath(RuntimeDirectory), HaproxyLayout.ConfigFileName);

    /// <summary>The runtime API (stats) socket, admin level.</summary>
    public string SocketPath => Path.Combine(Path.GetFullPath(RuntimeDirectory), HaproxyLayout.SocketFileName);

    /// <summary>The server-state file HAProxy loads at start (<c>server-state-file</c>, <c>load-server-state-from-file global</c>).</summary>
    public string StateFilePath => Path.Combine(Path.GetFullPath(RuntimeDirectory), HaproxyLayout.StateFileName);

    /// <summary>
    /// True when a supervisor starts HAProxy again after it died: it then loads the slots, weights and health states the
    /// router last saved, and serves at once instead of answering 503 until they are restored. False on a fresh start,
    /// which clears the file so that slots of an earlier run are never served.
    /// </summary>
    public bool RestoreServerState { get; init; }

    /// <summary>What a <see cref="HaproxyRouter"/> for this HAProxy needs.</summary>
    public HaproxyRouterOptions ToRouterOptions() => new()
    {
        SocketPath = SocketPath,
        StateFilePath = StateFilePath,
        SlotCount = SlotCount,
        CommandTimeout = CommandTimeout,
    };

    /// <summary>Every problem with these options at once; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(RuntimeDirectory))
        {
            errors.Add("RuntimeDirectory is required.");
        }
        else if (Encoding.UTF8.GetByteCount(SocketPath) > MaxSocketPathBytes)
        {
            errors.Add($"RuntimeDirectory is too long: the socket path '{SocketPath}' exceeds {MaxSocketPathBytes} bytes, the unix socket limit.");
        }

        if (Ports is null || HealthCheck is null)
        {
            errors.Add("Ports and HealthCheck are required.");
        }
        else
        {
            errors.AddRange(ValidateManifestParts(Ports, HealthCheck));
        }

        if (SlotCount is < 1 or > MaxSlotCount)
        {
            errors.Add($"SlotCount must be between 1 and {MaxSlotCount}, not {SlotCount}.");
        }

        if (string.IsNullOrWhiteSpace(HaproxyPath))
        {
            errors.Add("HaproxyPath is required.");
        }

        CheckPositive(errors, nameof(StartTimeout), StartTimeout);
        CheckPositive(errors, nameof(StopTimeout), StopTimeout);
        CheckPositive(errors, nameof(CommandTimeout), CommandTimeout);
        return errors;
    }

    /// <summary>The parts of a manifest the HAProxy config is rendered from.</summary>
    internal static List<string> ValidateManifestParts(LocalPortsSpec ports, HealthCheckSpec healthCheck)
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(ports.BindAddress?.Trim('[', ']'), out _))
        {
            errors.Add($"BindAddress must be an IP address, not '{ports.BindAddress}'.");
        }

        CheckPort(errors, "ProductionPort", ports.ProductionPort);
        CheckPort(errors, "TestPort", ports.TestPort);
        CheckPort(errors, "HaproxyStatsPort", ports.HaproxyStatsPort);
        if (new[] { ports.ProductionPort, ports.TestPort, ports.HaproxyStatsPort }.Distinct().Count() < 3)
        {
            errors.Add($"ProductionPort, TestPort and HaproxyStatsPort must differ ({ports.ProductionPort}, {ports.TestPort}, {ports.HaproxyStatsPort}).");
        }

        var path = healthCheck.Path ?? string.Empty;
        if (!path.StartsWith('/') || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '#' or '"' or '\'' or '\\'))
        {
            errors.Add($"HealthCheck.Path must start with '/' and contain no spaces, quotes, '#' or '\\', not '{path}'.");
        }

        CheckWholeMilliseconds(errors, "HealthCheck.Interval", healthCheck.Interval, FinerUnitReason);
        CheckWholeMilliseconds(errors, "HealthCheck.Timeout", healthCheck.Timeout, FinerUnitReason);
        if (healthCheck.HealthyThreshold < 1)
        {
            errors.Add($"HealthCheck.HealthyThreshold must be at least 1, not {healthCheck.HealthyThreshold}.");
        }

        if (healthCheck.UnhealthyThreshold < 1)
        {
            errors.Add($"HealthCheck.UnhealthyThreshold must be at least 1, not {healthCheck.UnhealthyThreshold}.");
        }

        return errors;
    }
}
