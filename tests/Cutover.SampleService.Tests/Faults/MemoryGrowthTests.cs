using Cutover.SampleService.Configuration;

namespace Cutover.SampleService.Tests.Faults;

public sealed class MemoryGrowthTests
{
    [Fact]
    public async Task ResidentMemory_GrowthFiftyMiBPerSecond_RisesBy100MiBWithinFourSeconds()
    {
        const string Resident = "process_resident_memory_bytes";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultMemoryGrowthMbPerSecond] = "50" },
            cancellationToken: timeout.Token);
        var baseline = PrometheusText.Required(await service.ScrapeAsync(timeout.Token), Resident);
        var elapsed = TimeProvider.System.GetTimestamp();

        var current = baseline;
        while (current < baseline + (100 * 1024 * 1024) && TimeProvider.System.GetElapsedTime(elapsed) < TimeSpan.FromSeconds(4))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, timeout.Token);
            current = PrometheusText.Required(await service.ScrapeAsync(timeout.Token), Resident);
        }

        (current - baseline).ShouldBeGreaterThanOrEqualTo(100 * 1024 * 1024, $"after {TimeProvider.System.GetElapsedTime(elapsed)}");
    }
}
