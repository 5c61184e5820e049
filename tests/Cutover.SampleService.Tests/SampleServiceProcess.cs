using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Health;
using Cutover.Testing;

namespace Cutover.SampleService.Tests;

/// <summary>
/// The sample service as a real process: <c>dotnet Cutover.SampleService.dll</c> from the test output folder (the
/// project reference copies it there; nothing is built here) on a free loopback port. Killed on dispose.
/// </summary>
public sealed class SampleServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();

    private SampleServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    /// <summary>Standard output and error so far (the JSON log lines).</summary>
    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "Cutover.SampleService.dll");

    /// <summary>Starts the service and waits until <paramref name="waitForPath"/> answers 200 (null: do not wait).</summary>
    public static async Task<SampleServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string>? environment = null,
        string? waitForPath = HealthApi.ReadyPath,
        CancellationToken cancellationToken = default)
    {
        File.Exists(DllPath).ShouldBeTrue($"{DllPath} should have been copied by the project reference.");
        var port = FreePorts.Next();
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(DllPath);
        foreach (var inherited in startInfo.Environment.Keys
            .Where(key => key.StartsWith("CUTOVER_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || key is EnvironmentVariables.Port or EnvironmentVariables.Greeting)
            .ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        startInfo.Environment[EnvironmentVariables.Port] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var service = new SampleServiceProcess(process, port);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (waitForPath is not null)
            {
                await service.WaitUntilOkAsync(waitForPath, cancellationToken);
            }

            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the process to exit and for its output to be read to the end; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as an orchestrator sends it (<see cref="Process.Kill()"/> would be SIGKILL).</summary>
    public async Task SendSigtermAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("kill") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-TERM");
        startInfo.ArgumentList.Add(ProcessId.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start kill.");
        await kill.WaitForExitAsync(cancellationToken);
        kill.ExitCode.ShouldBe(0);
    }

    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task WaitUntilOkAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before {path} answered. Output:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (TimeProvider.System.GetElapsedTime(deadline) > StartTimeout)
            {
                throw new TimeoutException($"{path} did not answer 200 within {StartTimeout}. Output:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.AppendLine(line);
        }
    }
}
