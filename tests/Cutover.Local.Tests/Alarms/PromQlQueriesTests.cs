using Cutover.Core.Alarms;
using Cutover.Local.Alarms;

namespace Cutover.Local.Tests.Alarms;

public sealed class PromQlQueriesTests
{
    [Fact]
    public void For_ErrorRateOfTwoInstances_DividesTheInstancesOwn5xxAtTheLoadBalancerByTheirRequests()
    {
        var query = PromQlQueries.For(BuiltInMetric.ErrorRate, AlarmStatistic.Average, TimeSpan.FromSeconds(2), "v2", ["v2-18101-ab", "v2-18100-cd"]);

        query.ShouldBe(
            "(sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\",instance_id=~\"v2-18100-cd|v2-18101-ab\",code=\"5xx\",source=\"instance\"}[2s]))"
            + " or (sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\",instance_id=~\"v2-18100-cd|v2-18101-ab\"}[2s])) * 0))"
            + " / sum(increase(cutover_lb_requests_total{job=\"signals\",version=\"v2\",instance_id=~\"v2-18100-cd|v2-18101-ab\"}[2s]))");
    }

    [Fact]
    public void For_InstanceIdWithDots_EscapesThemForRe2InsideAPromQlString()
    {
        var query = PromQlQueries.For(BuiltInMetric.UnhealthyInstances, AlarmStatistic.Maximum, TimeSpan.FromSeconds(2), "1.2", ["1.2-18100-ab"]);

        query.ShouldBe("sum(max_over_time(cutover_lb_instance_unhealthy{job=\"signals\",version=\"1.2\",instance_id=~\"1\\\\.2-18100-ab\"}[2s]))");
    }

    [Fact]
    public void For_LatencyP99_TakesTheQuantileOfTheLoadBalancersHistogramOverThePeriod()
    {
        var query = PromQlQueries.For(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99), TimeSpan.FromSeconds(4), "v1");

        query.ShouldBe("histogram_quantile(0.99, sum by (le) (rate(cutover_lb_response_seconds_bucket{job=\"signals\",version=\"v1\"}[4s])))");
    }

    [Fact]
    public void For_MemoryUtilization_DividesTheProcessTreesResidentMemoryByTheLimit()
    {
        var query = PromQlQueries.For(BuiltInMetric.MemoryUtilization, AlarmStatistic.Maximum, TimeSpan.FromSeconds(2), "v1");

        query.ShouldBe("max(max_over_time(cutover_instance_resident_memory_bytes{job=\"signals\",version=\"v1\"}[2s]) / max_over_time(cutover_instance_memory_limit_bytes{job=\"signals\",version=\"v1\"}[2s]))");
    }

    [Fact]
    public void LogMetric_OfAVersion_IsTheIncreaseOfTheControlPlanesCounterOverThePeriod()
    {
        var query = PromQlQueries.LogMetric("CheckoutFailures", TimeSpan.FromSeconds(3), "v2");

        query.ShouldBe("sum(increase(cutover_log_metric_total{job=\"cutover\",metric=\"CheckoutFailures\",version=\"v2\"}[3s]))");
    }

    [Fact]
    public void For_Restarts_IsNotAPrometheusQuery()
    {
        PromQlQueries.For(BuiltInMetric.Restarts, AlarmStatistic.Sum, TimeSpan.FromSeconds(2), "v1").ShouldBeNull();
    }

    [Fact]
    public void For_ShortPeriod_UsesAWindowOfAtLeastTwoScrapes()
    {
        PromQlQueries.For(BuiltInMetric.Requests, AlarmStatistic.Sum, TimeSpan.FromSeconds(1), "v1")!.ShouldContain("[2s]");
    }
}
