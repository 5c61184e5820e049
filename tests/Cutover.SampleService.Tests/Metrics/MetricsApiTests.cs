using System.Net;
using Cutover.SampleService.Configuration;
using Cutover.Testing.Prometheus;

namespace Cutover.SampleService.Tests.Metrics;

public sealed class MetricsApiTests
{
    /// <summary>The <c>le</c> bounds of <c>http_request_duration_seconds</c> as exposed; the latency alarm's 2 s is one of them.</summary>
    private static readonly string[] DurationBuckets = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2", "2.5", "5", "10"];

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
        var buckets = DurationBuckets
            .Select(bound => PrometheusText.Required(metrics, $"http_request_duration_seconds_bucket{{path=\"/\",le=\"{bound}\"}}"))
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
            ("http_requests_total", "counter"),
            ("http_request_duration_seconds", "histogram"),
            ("http_requests_in_flight", "gauge"),
            ("process_resident_memory_bytes", "gauge"),
            ("cutover_memory_limit_bytes", "gauge"),
            ("cutover_build_info", "gauge"),
        })
        {
            PrometheusExposition.Types(metrics).ShouldContainKeyAndValue(name, type);
            metrics.ShouldContain($"# HELP {name} ");
        }

        PrometheusText.Required(metrics, "http_requests_total{code=\"200\",path=\"/metrics\"}").ShouldBe(1);
        PrometheusText.Required(metrics, "http_requests_total{code=\"404\",path=\"other\"}").ShouldBe(1);
        PrometheusText.Required(metrics, "http_request_duration_seconds_count{path=\"/metrics\"}").ShouldBe(1);
        PrometheusText.Value(metrics, "http_requests_total{code=\"404\",path=\"/no/such/page\"}").ShouldBeNull();
    }
}
