using Cutover.Telemetry.Metrics;

namespace Cutover.Telemetry.Tests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("http.requests", null, "Counter", "http_requests_total")]
    [InlineData("http.request.duration", "s", "Histogram", "http_request_duration_seconds")]
    [InlineData("http.requests.in_flight", "{request}", "Gauge", "http_requests_in_flight")]
    [InlineData("process.resident_memory", "By", "Gauge", "process_resident_memory_bytes")]
    [InlineData("process.cpu", "s", "Counter", "process_cpu_seconds_total")]
    [InlineData("dotnet.gc.collections", "{collection}", "Counter", "dotnet_gc_collections_total")]
    [InlineData("orders_total", null, "Counter", "orders_total")]
    [InlineData("queue.size_bytes", "By", "Gauge", "queue_size_bytes")]
    [InlineData("cache.hit", "1", "Gauge", "cache_hit_ratio")]
    [InlineData("cache.hits", "1", "Counter", "cache_hits_total")]
    [InlineData("throughput", "By/s", "Gauge", "throughput_bytes_per_second")]
    [InlineData("a..b--c", "ms", "Gauge", "a_b_c_milliseconds")]
    [InlineData("9lives", null, "Gauge", "_9lives")]
    [InlineData("ns:metric", null, "Gauge", "ns:metric")]
    public void Metric_InstrumentNameAndUnit_FollowsOpenTelemetryRules(string name, string? unit, string type, string expected) =>
        PrometheusNames.Metric(name, unit, Enum.Parse<PrometheusType>(type)).ShouldBe(expected);

    [Theory]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("code", "code")]
    [InlineData("ns:key", "ns_key")]
    [InlineData("1st", "_1st")]
    public void Label_TagKey_IsValidLabelName(string key, string expected) => PrometheusNames.Label(key).ShouldBe(expected);
}
