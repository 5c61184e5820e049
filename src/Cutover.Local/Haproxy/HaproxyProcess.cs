using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cutover.Local.Networking;
using Cutover.Local.Processes;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Haproxy;

/// <summary>
/// Runs HAProxy in the foreground (<c>-db</c>) as a child of the control plane: writes and checks the config, starts
/// it, waits until the runtime API answers, and stops it softly (SIGUSR1) with a kill as the fallback.
/// </summary>
/// <remarks>
/// A HAProxy left running by an earlier control plane with the same configuration is adopted rather than replaced,
/// so restarting the control plane does not interrupt traffic; the router then re-learns its slots with
/// <see cref="HaproxyRouter.RecoverAsync(Func{string, string?}, CancellationToken)"/>.
/// </remarks>
public sealed partial class HaproxyProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 200;

    // Distribution packages install haproxy in /usr/sbin, which is not on a non-root user's PATH.
    private const string HaproxyFallbackDirectory = "/usr/sbin";

    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly HaproxyOptions _options;
    private readonly ILogger<HaproxyProcess> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <param name="options">Runtime directory, ports, health checks and slot count; checked by <see cref="StartAsync"/>.</param>
    /// <param name="logger">Receives HAProxy's own stderr lines (server state changes, alerts) and lifecycle events.</param>
    /// <param name="timeProvider">Clock for the start and stop timeouts.</param>
    public HaproxyProcess(HaproxyOptions options, ILogger<HaproxyProcess> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public HaproxyOptions Options => _options;

    /// <summary>The runtime API socket the router talks to.</summary>
    public string SocketPath => _options.SocketPath;

    /// <summary>Options for the <see cref="HaproxyRouter"/> of this HAProxy.</summary>
    public HaproxyRouterOptions RouterOptions => _options.ToRouterOptions();

    /// <summary>The HAProxy process id once started or adopted.</summary>
    public int? ProcessId { get; private set; }

    /// <summary>True once a started (or adopted) HAProxy has exited; false before <see cref="StartAsync"/>.</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return _process is { } process && process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The last lines HAProxy wrote to stdout or stderr (at most 200), oldest first. Empty for an adopted process.</summary>
    public IReadOnlyList<string> RecentOutput => [.. _output];

    /// <summary>
    /// Starts HAProxy, or adopts one already running with the same configuration. Expected failures (busy port, bad
    /// config, missing binary) come back as a result naming the cause, not as exceptions.
    /// </summary>
    public async Task<HaproxyStartResult> StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("This HAProxy was already started; create a new HaproxyProcess to start another.");
        }

        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            return HaproxyStartResult.Failed(HaproxyStartError.InvalidOptions, "Invalid HAProxy options: " + string.Join(" ", errors));
        }

        var binary = ExecutableLocator.Find(_options.HaproxyPath, HaproxyFallbackDirectory);
        if (binary is null)
        {
            return HaproxyStartResult.Failed(HaproxyStartError.BinaryNotFound, $"HAProxy binary '{_options.HaproxyPath}' was not found (as a path or on PATH).");
        }

        var config = HaproxyConfigRenderer.Render(_options.Ports, _options.HealthCheck, _options.SlotCount, _options.RuntimeDirectory);
        Directory.CreateDirectory(Path.GetFullPath(_options.RuntimeDirectory));
        var adopted = await TryAdoptAsync(config, cancellationToken).ConfigureAwait(false);
        if (adopted is not null)
        {
            return adopted;
        }

        var busy = FindBusyPorts();
        if (busy.Count > 0)
        {
            return HaproxyStartResult.Failed(HaproxyStartError.PortUnavailable, string.Join(" ", busy));
        }

        if (!_options.RestoreServerState || !File.Exists(_options.StateFilePath))
        {
            // A fresh start serves nothing from an earlier run.
            await File.WriteAllTextAsync(_options.StateFilePath, HaproxyLayout.EmptyStateFile, cancellationToken).ConfigureAwait(false);
        }

        var temporary = _options.ConfigFilePath + ".tmp";
        await File.WriteAllTextAsync(temporary, config, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, _options.ConfigFilePath, overwrite: true);
        var check = await CheckConfigAsync(binary, cancellationToken).ConfigureAwait(false);
        if (check is not null)
        {
            return check;
        }

        return await LaunchAsync(binary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Soft stop: SIGUSR1 closes the listeners and lets open connections finish; after
    /// <see cref="HaproxyOptions.StopTimeout"/> the process is killed. Does nothing when not running.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process || HasExited)
        {
            return;
        }

        LogStopping(_logger, process.Id);
        if (OperatingSystem.IsWindows() || !PosixSignals.Send(process.Id, PosixSignals.SigUsr1))
        {
            KillQuietly(process);
        }

        using var timeout = new CancellationTokenSource(_options.StopTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogKilling(_logger, process.Id, _options.StopTimeout.TotalSeconds);
            KillQuietly(process);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _process?.Dispose();
    }

    private async Task<HaproxyStartResult?> TryAdoptAsync(string config, CancellationToken cancellationToken)
    {
        if (!File.Exists(_options.SocketPath))
        {
            return null;
        }

        int pid;
        try
        {
            var client = new HaproxyRuntimeClient(_options.SocketPath, TimeSpan.FromSeconds(1), _timeProvider);
            var info = await client.ShowInfoAsync(cancellationToken).ConfigureAwait(false);
            pid = int.Parse(info["Pid"], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is HaproxyCommandException or FormatException)
        {
            // A socket file left behind by a HAProxy that is gone: start a new one, it replaces the file.
            return null;
        }

        var running = File.Exists(_options.ConfigFilePath)
            ? await File.ReadAllTextAsync(_options.ConfigFilePath, cancellationToken).ConfigureAwait(false)
            : null;
        if (running != config)
        {
            return HaproxyStartResult.Failed(
                HaproxyStartError.AlreadyRunning,
                $"HAProxy (pid {pid}) already answers on {_options.SocketPath} with a different configuration. " +
                $"Stop it (kill -USR1 {pid}) or use another runtime directory.");
        }

        try
        {
            _process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }

        ProcessId = pid;
        LogAdopted(_logger, pid, _options.SocketPath);
        return HaproxyStartResult.Running(pid, adopted: true);
    }

    private List<string> FindBusyPorts()
    {
        var ports = _options.Ports;
        var address = IPAddress.Parse(ports.BindAddress.Trim('[', ']'));
        var busy = new List<string>();
        foreach (var (name, port) in new[] { ("production", ports.ProductionPort), ("test", ports.TestPort), ("stats", ports.HaproxyStatsPort) })
        {
            var error = LoopbackPorts.Probe(address, port);
            if (error != SocketError.Success)
            {
                busy.Add($"Port {port} on {ports.BindAddress} (HAProxy {name} listener) is unavailable: {error}.");
            }
        }

        return busy;
    }

    private async Task<HaproxyStartResult?> CheckConfigAsync(string binary, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-c", "-f", _options.ConfigFilePath },
        };
        using var check = new Process { StartInfo = start };
        try
        {
            check.Start();
        }
        catch (Win32Exception exception)
        {
            return HaproxyStartResult.Failed(HaproxyStartError.BinaryNotFound, $"HAProxy binary '{binary}' could not be run: {exception.Message}");
        }

        var stdout = check.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = check.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(_options.StartTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await check.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(check);
            throw;
        }

        var output = ((await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return check.ExitCode == 0
            ? null
            : HaproxyStartResult.Failed(
                HaproxyStartError.InvalidConfig,
                $"haproxy -c rejected {_options.ConfigFilePath} (exit code {check.ExitCode}): {string.Join(" ", output.Where(line => line.Contains("ALERT", StringComparison.Ordinal)))}",
                output);
    }

    private async Task<HaproxyStartResult> LaunchAsync(string binary, CancellationToken cancellationToken)
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetFullPath(_options.RuntimeDirectory),
                ArgumentList = { "-db", "-f", _options.ConfigFilePath },
            },
            EnableRaisingEvents = true,
        };
        process.OutputDataReceived += (_, line) => Capture(line.Data);
        process.ErrorDataReceived += (_, line) => Capture(line.Data);
        process.Exited += (_, _) => LogExited(_logger, process.ExitCode);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            return HaproxyStartResult.Failed(HaproxyStartError.BinaryNotFound, $"HAProxy binary '{binary}' could not be run: {exception.Message}");
        }

        _process = process;
        ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var client = new HaproxyRuntimeClient(_options.SocketPath, TimeSpan.FromSeconds(1), _timeProvider);
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return ExitedDuringStartup(process.ExitCode, RecentOutput);
            }

            try
            {
                await client.ShowInfoAsync(cancellationToken).ConfigureAwait(false);
                LogStarted(_logger, process.Id, _options.ConfigFilePath);
                return HaproxyStartResult.Running(process.Id, adopted: false);
            }
            catch (HaproxyCommandException)
            {
                // Not listening yet.
            }

            if (_timeProvider.GetElapsedTime(started) > _options.StartTimeout)
            {
                KillQuietly(process);
                return HaproxyStartResult.Failed(
                    HaproxyStartError.NotReady,
                    $"HAProxy's runtime API on {_options.SocketPath} did not answer within {_options.StartTimeout.TotalSeconds:0.###} s; the process was killed.",
                    RecentOutput);
            }

            await Task.Delay(_pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Why HAProxy exited during start-up, from its output: a busy port is named as such.</summary>
    internal static HaproxyStartResult ExitedDuringStartup(int exitCode, IReadOnlyList<string> output)
    {
        var bindFailure = output.FirstOrDefault(line => line.Contains("cannot bind socket", StringComparison.OrdinalIgnoreCase));
        if (bindFailure is not null)
        {
            var where = BoundAddress().Match(bindFailure);
            var port = where.Success ? $"Port {where.Groups["port"].Value} on {where.Groups["host"].Value}" : "A listener port";
            return HaproxyStartResult.Failed(HaproxyStartError.PortUnavailable, $"{port} is unavailable: HAProxy said \"{bindFailure.Trim()}\".", output);
        }

        return HaproxyStartResult.Failed(
            HaproxyStartError.ExitedDuringStartup,
            $"HAProxy exited with code {exitCode} during start-up: {string.Join(" ", output.Where(line => line.Contains("ALERT", StringComparison.Ordinal)))}",
            output);
    }

    private void Capture(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }

        if (line.Contains("ALERT", StringComparison.Ordinal))
        {
            LogHaproxyAlert(_logger, line);
        }
        else
        {
            LogHaproxyOutput(_logger, line);
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Already gone, or not ours to kill.
        }
    }

    // "[ALERT] (123) : Starting frontend production: cannot bind socket (Address already in use) [127.0.0.1:8080]"
    [GeneratedRegex(@"\[(?<host>[^\[\]]+):(?<port>\d+)\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BoundAddress();
}
