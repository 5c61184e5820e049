using System.Diagnostics;
using Cutover.Testing;

namespace Cutover.Server.Tests.Support;

/// <summary>The control plane as its own process (<c>cutover up --foreground</c>), so a test can SIGKILL it.</summary>
internal sealed class ControlPlaneProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ControlPlaneProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public static string CliDll { get; } =
        Path.Combine(RepositoryPaths.Root, "src", "Cutover.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "cutover.dll");

    /// <summary>Starts it and waits until its API answers.</summary>
    public static async Task<ControlPlaneProcess> StartAsync(string manifestPath, HttpClient api)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliDll, "up", "--foreground", "--file", manifestPath })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // Kept beside the manifest, so a failed run can be read afterwards.
        var log = new StreamWriter(Path.Combine(Path.GetDirectoryName(manifestPath)!, $"control-plane-{process.Id}.log")) { AutoFlush = true };
        void Keep(string? line)
        {
            output.Enqueue(line ?? string.Empty);
            lock (log)
            {
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(clock) < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"the control plane exited with {process.ExitCode}: {string.Join(Environment.NewLine, output.TakeLast(30))}");
            }

            try
            {
                using var response = await api.GetAsync("api/v1/health");
                if (response.IsSuccessStatusCode)
                {
                    return new ControlPlaneProcess(process);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the control plane did not answer within 60 s");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>A clean stop through the API, as <c>cutover down</c> does.</summary>
    public async Task StopAsync(HttpClient api)
    {
        if (!_process.HasExited)
        {
            using var response = await api.PostAsync("api/v1/shutdown", null);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
