using System.Diagnostics;

namespace Cutover.Local.Processes;

/// <summary>
/// A child process whose output goes straight to a log file, stopped with SIGTERM and killed only after a grace period.
/// The shell redirects the output (no pipe to this process), so the child keeps running and logging if the control
/// plane dies: a restarted control plane adopts it instead of losing traffic.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process)
    {
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => Exited?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Raised when the process exits, whatever the cause.</summary>
    public event EventHandler? Exited;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts <paramref name="fileName"/>; its stdout and stderr are appended to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string logPath)
    {
        // exec: the shell becomes the program, so the pid is the program's and signals reach it directly.
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >>\"$CUTOVER_LOG_FILE\" 2>&1 </dev/null");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var fullLogPath = Path.GetFullPath(logPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullLogPath)!);
        info.Environment["CUTOVER_LOG_FILE"] = fullLogPath;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        return new ChildProcess(process);
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited after <paramref name="gracePeriod"/>. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            PosixSignals.Send(_process.Id, PosixSignals.SigTerm);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(gracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return _process.ExitCode;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
