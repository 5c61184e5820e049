using System.Net;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Health;

namespace Cutover.SampleService.Tests.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task GetReady_ReadinessFault_Is503WhileLiveIs200()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultFailReadiness] = "true" },
            waitForPath: HealthApi.LivePath,
            cancellationToken: timeout.Token);

        using var ready = await service.Client.GetAsync(new Uri(HealthApi.ReadyPath, UriKind.Relative), timeout.Token);
        using var live = await service.Client.GetAsync(new Uri(HealthApi.LivePath, UriKind.Relative), timeout.Token);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
