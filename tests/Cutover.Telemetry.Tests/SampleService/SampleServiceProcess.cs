using System.Diagnostics;
using System.Globalization;
using System.Net;
using Cutover.Testing;

namespace Cutover.Telemetry.Tests.SampleService;

/// <summary>
/// The sample service as a real process, as in Cutover.SampleService.Tests: <c>dotnet Cutover.SampleService.dll</c>
/// from the test output folder (the project reference copies it there) on a free loopback port, its standard output
/// and error kept line by line. Killed on dispose.
/// </summary>
internal sealed class SampleServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _linesGate = new();

    private SampleServiceProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_linesGate)
            {
                return [.. _lines];
            }
        }
    }

    public static async Task<SampleServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Cutover.SampleService.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} should have been copied by the project reference.");
        var port = FreePorts.Next();
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var inherited in startInfo.Environment.Keys
            .Where(key => key.StartsWith("CUTOVER_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || key.StartsWith("OTEL_", StringComparison.Ordinal) || key is "PORT" or "GREETING")
            .ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        startInfo.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
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
            await service.WaitUntilReadyAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public async Task<string> ScrapeAsync()
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
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

    private async Task WaitUntilReadyAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}. Output:\n{string.Join('\n', Lines)}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("health/ready", UriKind.Relative));
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
                throw new TimeoutException($"/health/ready did not answer 200 within {StartTimeout}. Output:\n{string.Join('\n', Lines)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesGate)
        {
            _lines.Add(line);
        }
    }
}
