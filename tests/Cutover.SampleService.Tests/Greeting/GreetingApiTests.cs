using System.Net;
using System.Net.Http.Json;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Greeting;

namespace Cutover.SampleService.Tests.Greeting;

public sealed class GreetingApiTests
{
    [Fact]
    public async Task GetRoot_VersionSet_AnswersVersionInBodyAndHeader()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string>
            {
                [EnvironmentVariables.Version] = "v1.2.3",
                [EnvironmentVariables.InstanceId] = "web-7",
                [EnvironmentVariables.Greeting] = "ahoy",
            },
            cancellationToken: timeout.Token);

        using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(GreetingApi.VersionHeader).ShouldBe(["v1.2.3"]);
        (await response.Content.ReadFromJsonAsync<GreetingResponse>(timeout.Token)).ShouldBe(new GreetingResponse("v1.2.3", "web-7", "ahoy"));
    }

    [Fact]
    public async Task GetRoot_ErrorRateTwentyPercent_AboutOneInFiveIs500AndMetricsCountThem()
    {
        const int Requests = 2_000;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultErrorRate] = "0.2", [EnvironmentVariables.FaultSeed] = "2024" },
            cancellationToken: timeout.Token);

        var failures = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Requests),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token },
            async (_, cancellationToken) =>
            {
                using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    Interlocked.Increment(ref failures);
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            });

        ((double)failures / Requests).ShouldBe(0.2, 0.03);
        var metrics = await service.ScrapeAsync(timeout.Token);
        PrometheusText.Required(metrics, "http_requests_total{code=\"500\",path=\"/\"}").ShouldBe(failures);
        PrometheusText.Required(metrics, "http_requests_total{code=\"200\",path=\"/\"}").ShouldBe(Requests - failures);
    }

    [Fact]
    public async Task GetRoot_AddedLatency300Ms_TakesAtLeast300Ms()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FaultLatencyMs] = "300" },
            cancellationToken: timeout.Token);

        // The first request also pays for JIT, which on a loaded machine can pass 200 ms; the second is the one judged.
        using (var warmUp = await service.Client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token))
        {
            warmUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var before = await service.ScrapeAsync(timeout.Token);
        var started = TimeProvider.System.GetTimestamp();
        using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        var after = await service.ScrapeAsync(timeout.Token);
        PrometheusText.Required(after, "http_request_duration_seconds_bucket{path=\"/\",le=\"0.25\"}").ShouldBe(0);
        var inHalfSecond = "http_request_duration_seconds_bucket{path=\"/\",le=\"0.5\"}";
        (PrometheusText.Required(after, inHalfSecond) - PrometheusText.Required(before, inHalfSecond)).ShouldBe(1);
    }
}
