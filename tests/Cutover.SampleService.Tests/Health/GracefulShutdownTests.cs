using System.Net;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Health;

namespace Cutover.SampleService.Tests.Health;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_RequestInFlight_ReadinessFailsRequestCompletesAndExitsZero()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The pre-stop delay keeps the listener open long enough to observe readiness failing over HTTP.
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.ShutdownDelayMs] = "1000" },
            cancellationToken: timeout.Token);
        var slow = service.Client.GetAsync(new Uri("/?work_ms=2000", UriKind.Relative), timeout.Token);
        await WaitUntilAsync(
            async () => PrometheusText.Required(await service.ScrapeAsync(timeout.Token), "http_requests_in_flight") >= 2,
            timeout.Token);

        await service.SendSigtermAsync(timeout.Token);
        await WaitUntilAsync(
            async () =>
            {
                using var ready = await service.Client.GetAsync(new Uri(HealthApi.ReadyPath, UriKind.Relative), timeout.Token);
                return ready.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            timeout.Token);
        slow.IsCompleted.ShouldBeFalse("the slow request should still be in flight when readiness fails");

        using var response = await slow;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await service.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBe(ExitCodes.Success);
        service.Output.ShouldContain("Shutdown requested");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var elapsed = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            TimeProvider.System.GetElapsedTime(elapsed).ShouldBeLessThan(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
        }
    }
}
