using System.Net;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Metrics;

namespace Cutover.SampleService.Tests.Metrics;

public sealed class MetricsApiTests
{
    [Fact]
    public async Task GetMetrics_AfterNRequests_CountsExactlyNWithConsistentHistogram()
    {
        const int Requests = 25;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string>
            {
                [EnvironmentVariables.Version] = "v9",
                [EnvironmentVariables.InstanceId] = "web-1",
                [EnvironmentVariables.MemoryLimitMb] = "256",
            },
            cancellationToken: timeout.Token);
        for (var i = 0; i < Requests; i++)
        {
            using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var scrape = await service.Client.GetAsync(new Uri("/metrics", UriKind.Relative), timeout.Token);
        var metrics = await scrape.Content.ReadAsStringAsync(timeout.Token);

        scrape.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText.Required(metrics, "http_requests_total{code=\"200\",path=\"/\"}").ShouldBe(Requests);
        PrometheusText.Required(metrics, "http_request_duration_seconds_count{path=\"/\"}").ShouldBe(Requests);
        PrometheusText.Required(metrics, "http_request_duration_seconds_bucket{path=\"/\",le=\"+Inf\"}").ShouldBe(Requests);
        var buckets = SampleMetrics.DurationBuckets
            .Select(bound => PrometheusText.Required(metrics, $"http_request_duration_seconds_bucket{{path=\"/\",le=\"{PrometheusTextWriter.FormatValue(bound)}\"}}"))
            .ToList();
        buckets.ShouldBeInOrder(SortDirection.Ascending);
        buckets[^1].ShouldBeLessThanOrEqualTo(Requests);
        PrometheusText.Required(metrics, "http_request_duration_seconds_sum{path=\"/\"}").ShouldBeGreaterThan(0);
        PrometheusText.Required(metrics, "http_requests_total{code=\"200\",path=\"/health/ready\"}").ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Required(metrics, "http_requests_in_flight").ShouldBe(1);
        PrometheusText.Required(metrics, "process_resident_memory_bytes").ShouldBeGreaterThan(1024 * 1024);
        PrometheusText.Required(metrics, "cutover_memory_limit_bytes").ShouldBe(256 * 1024 * 1024);
        PrometheusText.Required(metrics, "cutover_build_info{version=\"v9\",instance=\"web-1\"}").ShouldBe(1);
    }

    [Fact]
    public async Task GetMetrics_EveryFamily_HasHelpAndTypeAndCountsItsOwnPath()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var service = await SampleServiceProcess.StartAsync(cancellationToken: timeout.Token);
        using (var missing = await service.Client.GetAsync(new Uri("/no/such/page", UriKind.Relative), timeout.Token))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await service.ScrapeAsync(timeout.Token);
        var metrics = await service.ScrapeAsync(timeout.Token);

        foreach (var (name, type) in new[]
        {
            (SampleMetrics.RequestsTotal, "counter"),
            (SampleMetrics.RequestDuration, "histogram"),
            (SampleMetrics.RequestsInFlight, "gauge"),
            (SampleMetrics.ResidentMemoryBytes, "gauge"),
            (SampleMetrics.MemoryLimitBytes, "gauge"),
            (SampleMetrics.BuildInfo, "gauge"),
        })
        {
            metrics.ShouldContain($"\n# TYPE {name} {type}\n");
            metrics.ShouldContain($"# HELP {name} ");
        }

        PrometheusText.Required(metrics, "http_requests_total{code=\"200\",path=\"/metrics\"}").ShouldBe(1);
        PrometheusText.Required(metrics, "http_requests_total{code=\"404\",path=\"other\"}").ShouldBe(1);
        PrometheusText.Required(metrics, "http_request_duration_seconds_count{path=\"/metrics\"}").ShouldBe(1);
        PrometheusText.Value(metrics, "http_requests_total{code=\"404\",path=\"/no/such/page\"}").ShouldBeNull();
    }
}
