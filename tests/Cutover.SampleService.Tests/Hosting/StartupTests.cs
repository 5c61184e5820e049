using Cutover.SampleService.Configuration;

namespace Cutover.SampleService.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_CrashAtStartFault_ExitsWithCode3()
    {
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultCrashAtStart] = "true" },
            waitForPath: null);

        (await service.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBe(ExitCodes.CrashedAtStart);
        service.Output.ShouldContain(EnvironmentVariables.FaultCrashAtStart);
    }

    [Fact]
    public async Task Start_InvalidErrorRate_ExitsWithCode2NamingTheVariable()
    {
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultErrorRate] = "abc" },
            waitForPath: null);

        (await service.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBe(ExitCodes.InvalidConfiguration);
        service.Output.ShouldContain("CUTOVER_FAULT_ERROR_RATE must be a number from 0 to 1, but was 'abc'.");
    }
}
