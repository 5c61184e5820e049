using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cutover.Core.Instances;
using Cutover.Local.Networking;
using Cutover.Local.Processes;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Prometheus;

/// <summary>
/// The local Prometheus as a child process: writes its config and targets file, checks the config with promtool
/// when there is one, starts it and waits until it is ready. Scrapes HAProxy (job <c>haproxy</c>) and every instance
/// in the targets file (job <c>service</c>).
/// </summary>
public sealed partial class PrometheusProcess : IAsyncDisposable
{
    private const int MaxStderrLines = 1000;
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ILogger<PrometheusProcess> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ScrapeTargetsFile _targetsFile;
    private readonly HttpClient _httpClient;
    private readonly PrometheusClient _client;
    private readonly Lock _gate = new();
    private readonly Queue<string> _stderr = new();
    private Process? _process;
    private int? _processId;
    private int? _exitCode;
    private bool _startCalled;
    private bool _stopping;
    private bool _targetsWritten;

    /// <summary>Prepares, but does not start, a Prometheus; nothing touches the disk until <see cref="StartAsync"/> or <see cref="UpdateTargetsAsync"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> fail <see cref="PrometheusOptions.Validate"/>; the message lists every error.</exception>
    public PrometheusProcess(PrometheusOptions options, ILogger<PrometheusProcess> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Prometheus options: " + string.Join(" ", errors), nameof(options));
        }

        Options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        _targetsFile = new ScrapeTargetsFile(options.TargetsFilePath, options.ServiceName);
        BaseUri = new Uri($"http://{HostPort.Format(HostPort.Connectable(options.BindAddress), options.Port)}/");
        _httpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        _client = new PrometheusClient(_httpClient, BaseUri);
    }

    public PrometheusOptions Options { get; }

    /// <summary>Where the web UI and HTTP API answer, for <see cref="PrometheusClient"/>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The child's process id once started.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _processId;
            }
        }
    }

    /// <summary>True once a started Prometheus has exited, whether stopped or crashed.</summary>
    public bool HasExited
    {
        get
        {
            lock (_gate)
            {
                return _exitCode is not null || (_process is { } process && process.HasExited);
            }
        }
    }

    /// <summary>The last lines Prometheus wrote to stderr (its log), oldest first.</summary>
    public IReadOnlyList<string> StderrTail
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderr];
            }
        }
    }

    /// <summary>
    /// Writes the config, checks it, starts Prometheus and waits until <c>/-/ready</c> answers 200. Call once.
    /// Expected failures (port in use, binary missing, bad config, not ready in time) are results, not exceptions.
    /// </summary>
    public async Task<PrometheusStartResult> StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_startCalled)
            {
                throw new InvalidOperationException("StartAsync can be called once; create a new PrometheusProcess to start again.");
            }

            _startCalled = true;
        }

        var result = await TryStartAsync(cancellationToken).ConfigureAwait(false);
        if (result.Started)
        {
            LogReady(BaseUri);
        }
        else
        {
            LogStartFailed(result.Error!.Value, result.Message);
        }

        return result;
    }

    /// <summary>
    /// Replaces the instances scraped as job <c>service</c>. No reload is needed: Prometheus re-reads the file at
    /// once but hands discovered targets to its scrapers at most every 5 s (fixed in Prometheus), so a new instance is
    /// first scraped 1–6 s later and a removed one stops being scraped as late. May be called before
    /// <see cref="StartAsync"/> to start with targets.
    /// </summary>
    public async Task UpdateTargetsAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        await _targetsFile.WriteAsync(instances, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _targetsWritten = true;
        }

        LogTargetsUpdated(instances.Count, _targetsFile.FilePath);
    }

    /// <summary>
    /// Sends SIGTERM, waits up to <see cref="PrometheusOptions.StopTimeout"/>, then kills. Idempotent. If
    /// <paramref name="cancellationToken"/> fires while waiting, the process is killed before the cancellation surfaces.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Process? process;
        lock (_gate)
        {
            _stopping = true;
            process = _exitCode is null ? _process : null;
        }

        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            LogStopping(process.Id);
            if (OperatingSystem.IsWindows() || !PosixSignals.Send(process.Id, PosixSignals.SigTerm))
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(Options.StopTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                LogKilledAfterTimeout(process.Id, Options.StopTimeout);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        lock (_gate)
        {
            _exitCode = process.ExitCode;
        }

        LogStopped(process.Id, process.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _process?.Dispose();
        }

        _httpClient.Dispose();
    }

    private async Task<PrometheusStartResult> TryStartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Options.RulesDirectory);
        Directory.CreateDirectory(Options.DataDirectory);
        bool targetsWritten;
        lock (_gate)
        {
            targetsWritten = _targetsWritten;
        }

        if (!targetsWritten)
        {
            // A targets file left by an earlier run names instances that are gone.
            await UpdateTargetsAsync([], cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Options.ConfigFilePath, PrometheusConfigRenderer.Render(Options), cancellationToken).ConfigureAwait(false);

        var configCheck = await CheckConfigAsync(cancellationToken).ConfigureAwait(false);
        if (configCheck is not null)
        {
            return configCheck;
        }

        var portCheck = await CheckPortAsync(cancellationToken).ConfigureAwait(false);
        if (portCheck is not null)
        {
            return portCheck;
        }

        var process = CreateProcess();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            return PrometheusStartResult.Failed(
                PrometheusStartError.BinaryNotFound,
                $"Cannot run Prometheus '{Options.PrometheusPath}': {e.Message}. Install it (apt-get install prometheus) or set its path.");
        }

        lock (_gate)
        {
            _process = process;
            _processId = process.Id;
        }

        LogStarted(process.Id, Options.PrometheusPath, BaseUri);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            return await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private async Task<PrometheusStartResult?> CheckConfigAsync(CancellationToken cancellationToken)
    {
        var promtool = PromtoolLocator.Find(Options);
        if (promtool is null)
        {
            LogPromtoolSkipped();
            return null;
        }

        using var check = new Process
        {
            StartInfo = new ProcessStartInfo(promtool)
            {
                ArgumentList = { "check", "config", Options.ConfigFilePath },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        try
        {
            check.Start();
        }
        catch (Win32Exception e)
        {
            return PrometheusStartResult.Failed(PrometheusStartError.InvalidConfig, $"Cannot run promtool '{promtool}': {e.Message}.");
        }

        var stdout = check.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = check.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await check.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            check.Kill(entireProcessTree: true);
            throw;
        }

        var output = SplitLines(await stdout.ConfigureAwait(false) + "\n" + await stderr.ConfigureAwait(false));
        if (check.ExitCode != 0)
        {
            return PrometheusStartResult.Failed(
                PrometheusStartError.InvalidConfig,
                $"promtool check config rejected {Options.ConfigFilePath} (exit code {check.ExitCode}): {string.Join(" ", output)}",
                output);
        }

        LogConfigChecked(Options.ConfigFilePath);
        return null;
    }

    /// <summary>
    /// Binds the port briefly: Prometheus reports a taken port only in its log, after it has already started,
    /// so asking first gives a failure that names the port.
    /// </summary>
    private async Task<PrometheusStartResult?> CheckPortAsync(CancellationToken cancellationToken)
    {
        var host = Options.BindAddress.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var address))
        {
            addresses = [address];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // Prometheus reports an unresolvable listen address itself.
                return null;
            }
        }

        foreach (var candidate in addresses)
        {
            // Anything but a taken port (an address this host lacks, a privileged port) Prometheus reports itself, in its own words.
            if (LoopbackPorts.Probe(candidate, Options.Port) == SocketError.AddressAlreadyInUse)
            {
                return PortUnavailable(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Port {Options.Port} on {candidate} is already in use, so Prometheus cannot listen there. Stop whatever holds it or choose another Prometheus port."));
            }
        }

        return null;
    }

    private async Task<PrometheusStartResult> WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                // Let the stderr reader drain so the failure carries Prometheus's last words.
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var tail = StderrTail;
                if (tail.Any(line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
                {
                    return PortUnavailable(
                        string.Create(CultureInfo.InvariantCulture, $"Port {Options.Port} is already in use, so Prometheus cannot listen there."),
                        tail);
                }

                return PrometheusStartResult.Failed(
                    PrometheusStartError.ExitedDuringStartup,
                    string.Create(CultureInfo.InvariantCulture, $"Prometheus exited with code {process.ExitCode} before it was ready. {(tail.Count > 0 ? tail[^1] : string.Empty)}"),
                    tail);
            }

            if (await _client.IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                return PrometheusStartResult.Ready;
            }

            if (_timeProvider.GetElapsedTime(started) >= Options.ReadyTimeout)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return PrometheusStartResult.Failed(
                    PrometheusStartError.NotReady,
                    $"Prometheus did not answer {BaseUri}-/ready within {Options.ReadyTimeout.TotalSeconds:0.#} s; it was killed.",
                    StderrTail);
            }

            await Task.Delay(ReadyPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private Process CreateProcess()
    {
        var startInfo = new ProcessStartInfo(Options.PrometheusPath)
        {
            ArgumentList =
            {
                $"--config.file={Options.ConfigFilePath}",
                $"--storage.tsdb.path={Options.DataDirectory}",
                $"--web.listen-address={HostPort.Format(Options.BindAddress, Options.Port)}",
                "--web.enable-lifecycle",
                $"--storage.tsdb.retention.time={Options.RetentionTime}",
                $"--storage.tsdb.retention.size={Options.RetentionSize}",
            },
            WorkingDirectory = Path.GetFullPath(Options.RuntimeDirectory),
            RedirectStandardError = true,

            // Prometheus logs to stderr; stdout is redirected only so nothing lands on the CLI's stdout.
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        process.OutputDataReceived += (_, e) => OnStdout(e.Data);
        process.Exited += (_, _) => OnExited(process);
        return process;
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _stderr.Enqueue(line);
            while (_stderr.Count > MaxStderrLines)
            {
                _stderr.Dequeue();
            }
        }

        LogOutput(line);
    }

    private void OnStdout(string? line)
    {
        if (line is not null)
        {
            LogOutput(line);
        }
    }

    private void OnExited(Process process)
    {
        bool stopping;
        lock (_gate)
        {
            stopping = _stopping;
        }

        if (!stopping)
        {
            LogExitedUnexpectedly(process.Id, process.ExitCode);
        }
    }

    private static PrometheusStartResult PortUnavailable(string message, IReadOnlyList<string>? output = null) =>
        PrometheusStartResult.Failed(PrometheusStartError.PortUnavailable, message, output);

    private static string[] SplitLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
