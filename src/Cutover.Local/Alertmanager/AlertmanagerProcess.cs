using Cutover.Local.Networking;
using Cutover.Local.Processes;

namespace Cutover.Local.Alertmanager;

/// <summary>
/// The local Alertmanager as a child process: config written (mode 600, it may hold secrets), clustering off
/// (no listener on 0.0.0.0:9094), web API on the bind address, ready when <c>/-/ready</c> answers.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly string _runtimeDirectory;
    private readonly string _bindAddress;
    private readonly int _port;
    private readonly TimeProvider _time;
    private ChildProcess? _process;

    public AlertmanagerProcess(string runtimeDirectory, string bindAddress, int port, HttpClient http, TimeProvider time)
    {
        _time = time;
        _runtimeDirectory = Path.GetFullPath(runtimeDirectory);
        _bindAddress = bindAddress;
        _port = port;
        Client = new AlertmanagerClient(http, new Uri($"http://{bindAddress}:{port}/"));
    }

    public AlertmanagerClient Client { get; }

    public string ConfigFilePath => Path.Combine(_runtimeDirectory, "alertmanager.yml");

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>Starts it; returns null when ready, otherwise what went wrong.</summary>
    public async Task<string?> StartAsync(string config, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!LoopbackPorts.CanBind(_bindAddress, _port))
        {
            return $"port {_port} on {_bindAddress} is already in use (environments.local.ports.alertmanager)";
        }

        var executable = ExecutableLocator.Find("prometheus-alertmanager") ?? ExecutableLocator.Find("alertmanager");
        if (executable is null)
        {
            return "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager, or run scripts/install-deps.sh)";
        }

        Directory.CreateDirectory(Path.Combine(_runtimeDirectory, "data"));
        await File.WriteAllTextAsync(ConfigFilePath, config, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ConfigFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        _process = ChildProcess.Start(
            executable,
            [
                $"--config.file={ConfigFilePath}",
                $"--storage.path={Path.Combine(_runtimeDirectory, "data")}",
                $"--web.listen-address={_bindAddress}:{_port}",
                "--cluster.listen-address=",
            ],
            _runtimeDirectory,
            new Dictionary<string, string>(),
            Path.Combine(_runtimeDirectory, "alertmanager.log"));

        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                var log = await File.ReadAllTextAsync(Path.Combine(_runtimeDirectory, "alertmanager.log"), cancellationToken).ConfigureAwait(false);
                return $"Alertmanager exited with code {_process.ExitCode}: {log[Math.Max(0, log.Length - 600)..]}";
            }

            if (await Client.IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }

        return $"Alertmanager did not become ready within {timeout.TotalSeconds:0}s";
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is { } process)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }
}
