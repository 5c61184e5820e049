using System.Diagnostics;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Health;

namespace Cutover.SampleService.Tests.Health;

/// <summary>
/// <c>dotnet Cutover.SampleService.dll --probe URL</c> as the container's HEALTHCHECK runs it, against the real service
/// process: proves Program.cs hands the arguments to the probe before any host starts.
/// </summary>
public sealed class HealthProbeProcessTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Probe_ServiceLive_ExitsZero()
    {
        await using var service = await SampleServiceProcess.StartAsync();

        var (exitCode, _) = await ProbeAsync($"http://127.0.0.1:{service.Port}{HealthApi.LivePath}");

        exitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public async Task Probe_ReadinessFailing_ExitsOneAndNamesTheStatus()
    {
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultFailReadiness] = "true" }, waitForPath: HealthApi.LivePath);

        var (exitCode, error) = await ProbeAsync($"http://127.0.0.1:{service.Port}{HealthApi.ReadyPath}");

        exitCode.ShouldBe(ExitCodes.ProbeFailed);
        error.ShouldContain("answered 503");
    }

    [Fact]
    public async Task Probe_ServiceStopped_ExitsOne()
    {
        int port;
        await using (var service = await SampleServiceProcess.StartAsync())
        {
            port = service.Port;
        }

        var (exitCode, _) = await ProbeAsync($"http://127.0.0.1:{port}{HealthApi.LivePath}");

        exitCode.ShouldBe(ExitCodes.ProbeFailed);
    }

    private static async Task<(int ExitCode, string Error)> ProbeAsync(string url)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(SampleServiceProcess.DllPath);
        startInfo.ArgumentList.Add(HealthProbe.Argument);
        startInfo.ArgumentList.Add(url);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the probe");
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        (await output).ShouldBeEmpty();
        return (process.ExitCode, await error);
    }
}
