using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class PromQlBuilderTests
{
    private const string Requests = "cutover_lb_requests_total{job=\"signals\",version=~\"$version\"}";
    private const string Errors = "cutover_lb_requests_total{job=\"signals\",version=~\"$version\",code=\"5xx\",source=\"instance\"}";

    [Fact]
    public void Template_ErrorRatePerVersion_IsTheAlarmQueryGroupedByVersion()
    {
        PromQlBuilder.Template(BuiltInMetric.ErrorRate, AlarmStatistic.Average, perVersion: true).ShouldBe(
            $"(sum by (version) (increase({Errors}[$window])) or (sum by (version) (increase({Requests}[$window])) * 0)) / sum by (version) (increase({Requests}[$window]))");
    }

    [Fact]
    public void Template_RequestsAverage_IsARatePerSecond()
    {
        PromQlBuilder.Template(BuiltInMetric.Requests, AlarmStatistic.Average, perVersion: true).ShouldBe($"sum by (version) (rate({Requests}[$window]))");
    }

    [Fact]
    public void Template_LatencyPercentile_GroupsBucketsByLeAndVersion()
    {
        PromQlBuilder.Template(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(90), perVersion: true).ShouldBe(
            "histogram_quantile(0.9, sum by (le, version) (rate(cutover_lb_response_seconds_bucket{job=\"signals\",version=~\"$version\"}[$window])))");
    }

    [Fact]
    public void Template_NotPerVersion_AddsTheVersionsUp()
    {
        PromQlBuilder.Template(BuiltInMetric.MemoryUtilization, AlarmStatistic.Maximum, perVersion: false).ShouldBe(
            "max(max_over_time(cutover_instance_resident_memory_bytes{job=\"signals\",version=~\"$version\"}[$window]) / max_over_time(cutover_instance_memory_limit_bytes{job=\"signals\",version=~\"$version\"}[$window]))");
    }

    [Fact]
    public void ForVersion_ErrorRate_MatchesTheVersionExactlyOverThePeriod()
    {
        PromQlBuilder.ForVersion(BuiltInMetric.ErrorRate, AlarmStatistic.Average, TimeSpan.FromSeconds(5), "v2").ShouldBe(
            "(sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\",code=\"5xx\",source=\"instance\"}[5s])) or " +
            "(sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\"}[5s])) * 0)) / " +
            "sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\"}[5s]))");
    }

    [Fact]
    public void ForVersion_Restarts_IsNullAsTheControlPlaneCountsThem()
    {
        PromQlBuilder.ForVersion(BuiltInMetric.Restarts, AlarmStatistic.Sum, TimeSpan.FromSeconds(2), "v1").ShouldBeNull();
        PromQlBuilder.Template(BuiltInMetric.Restarts, AlarmStatistic.Sum, perVersion: true).ShouldBeNull();
    }

    [Theory]
    [InlineData(1, "2s")]
    [InlineData(2, "2s")]
    [InlineData(60, "60s")]
    [InlineData(2.5, "2.5s")]
    public void Window_Period_IsThePeriodButAtLeastTwoScrapes(double seconds, string window)
    {
        PromQlBuilder.Window(TimeSpan.FromSeconds(seconds)).ShouldBe(window);
    }
}
