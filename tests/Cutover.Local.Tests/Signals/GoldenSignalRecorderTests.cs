using Cutover.Core.Instances;
using Cutover.Core.Routing;
using Cutover.Local.Haproxy;
using Cutover.Local.Signals;

namespace Cutover.Local.Tests.Signals;

public sealed class GoldenSignalRecorderTests
{
    private static readonly InstanceEndpoint V2 = new("v2-18100-ab", "v2", "127.0.0.1", 18100, 4242);

    [Fact]
    public void Render_TrackedInstanceWithoutTraffic_HasEverySeriesAtZero()
    {
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([V2]);

        var text = recorder.Render(new Dictionary<int, ProcessTreeUsage> { [4242] = new(1000, 1.5, 2) }, 4000);

        text.ShouldContain("cutover_lb_requests_total{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\",code=\"5xx\",source=\"instance\"} 0\n");
        text.ShouldContain("cutover_lb_response_seconds_bucket{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\",le=\"2\"} 0\n");
        text.ShouldContain("cutover_lb_instance_unhealthy{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"} 0\n");
        text.ShouldContain("cutover_instance_resident_memory_bytes{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"} 1000\n");
        text.ShouldContain("cutover_instance_memory_limit_bytes{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"} 4000\n");
        text.ShouldContain("cutover_instance_cpu_seconds_total{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"} 1.5\n");
    }

    [Fact]
    public void Record_TimeoutHaproxyAnswered_CountsAsTheLoadBalancersNotTheInstances()
    {
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([V2]);

        recorder.Record(Line("500 -- 3")).ShouldBeTrue();
        recorder.Record(Line("504 sH -1")).ShouldBeTrue();
        var text = recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0);

        text.ShouldContain("code=\"5xx\",source=\"instance\"} 1\n");
        text.ShouldContain("code=\"5xx\",source=\"lb\"} 1\n");
        text.ShouldContain("cutover_lb_response_seconds_count{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"} 1\n", customMessage: "a timeout has no response time");
    }

    [Fact]
    public void Record_PortOfNoInstance_AsksForTheInstancesAgainThenCountsUnrouted()
    {
        var asked = 0;
        var recorder = new GoldenSignalRecorder("demo", () =>
        {
            asked++;
            return [V2];
        });

        recorder.Record(Line("200 -- 1")).ShouldBeTrue("the instance started after the last Track");
        HaproxyRequestLog.TryParse("cutover1 1 1796297308063000 production s1 127.0.0.1:18999 200 -- 1", out var stray).ShouldBeTrue();
        recorder.Record(stray!).ShouldBeFalse();

        asked.ShouldBe(2);
        recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0).ShouldContain("cutover_lb_unrouted_requests_total{service=\"demo\"} 1\n");
    }

    [Fact]
    public void ObserveHealth_DownBeforeEverUp_IsBootingAndDownAfterUp_IsUnhealthy()
    {
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([V2]);
        const string Series = "cutover_lb_instance_unhealthy{service=\"demo\",version=\"v2\",instance_id=\"v2-18100-ab\"}";

        recorder.ObserveHealth([new RoutedInstance(V2.Id, 0, false, 0, "DOWN (L4CON: Connection refused)")]);
        var booting = recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0);
        recorder.ObserveHealth([new RoutedInstance(V2.Id, 10, true, 0, "UP (L7OK 200)")]);
        recorder.ObserveHealth([new RoutedInstance(V2.Id, 10, false, 0, "DOWN (L7STS 503)")]);
        var down = recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0);
        recorder.ObserveHealth([]);
        var removed = recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0);

        booting.ShouldContain(Series + " 0\n");
        down.ShouldContain(Series + " 1\n");
        removed.ShouldContain(Series + " 0\n", customMessage: "taken out of the load balancer, it is no longer judged by its checks");
    }

    [Fact]
    public void Track_InstanceGone_DropsItsSeries()
    {
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([V2]);
        recorder.Track([]);

        recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0).ShouldNotContain("v2-18100-ab");
    }

    private static HaproxyRequestLog Line(string statusTerminationTimes)
    {
        HaproxyRequestLog.TryParse($"cutover1 1 1796297308063000 production s0 127.0.0.1:18100 {statusTerminationTimes}", out var request).ShouldBeTrue();
        return request!;
    }
}
