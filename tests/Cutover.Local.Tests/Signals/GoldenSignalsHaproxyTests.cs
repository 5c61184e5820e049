using Cutover.Core.Alarms;
using Cutover.Local.Signals;
using Cutover.Local.Tests.Haproxy;
using Cutover.Local.Tests.Prometheus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Signals;

/// <summary>The golden signals from a real HAProxy's request ring and a real process tree.</summary>
public sealed class GoldenSignalsHaproxyTests
{
    [Fact]
    public async Task Follower_RequestsThroughHaproxy_AreCountedPerInstanceWithTheirResponseTimes()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var fast = await TestBackend.StartAsync("v1-a");
        await using var slow = await TestBackend.StartAsync("v2-b", TimeSpan.FromMilliseconds(300));
        await haproxy.AddHealthyAsync(fast, slow);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["v1-a"] = 100, ["v2-b"] = 100 }, CancellationToken.None);
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([fast.Endpoint with { Version = "v1" }, slow.Endpoint with { Version = "v2" }]);
        await using var follower = HaproxyRequestFollower.Start(haproxy.Options.SocketPath, recorder, NullLogger.Instance, TimeProvider.System);

        await HaproxyHarness.CountAnswersAsync(haproxy.Production, 20);
        await Eventually.HoldsAsync(() => Task.FromResult(follower.Followed >= 20), TimeSpan.FromSeconds(10), $"HAProxy's 20 request lines reached the follower (followed {follower.Followed})");
        var text = recorder.Render(new Dictionary<int, ProcessTreeUsage>(), 0);

        var v1 = Value(text, $"{GoldenSignalSeries.Requests}{{service=\"demo\",version=\"v1\",instance_id=\"v1-a\",code=\"2xx\",source=\"instance\"}}");
        var v2 = Value(text, $"{GoldenSignalSeries.Requests}{{service=\"demo\",version=\"v2\",instance_id=\"v2-b\",code=\"2xx\",source=\"instance\"}}");
        (v1 + v2).ShouldBe(20);
        v1.ShouldBe(fast.Requests);
        v2.ShouldBe(slow.Requests);
        Value(text, $"{GoldenSignalSeries.Requests}{{service=\"demo\",version=\"v2\",instance_id=\"v2-b\",code=\"5xx\",source=\"instance\"}}").ShouldBe(0, "every class exists at 0");
        Value(text, $"{GoldenSignalSeries.ResponseSeconds}_bucket{{service=\"demo\",version=\"v2\",instance_id=\"v2-b\",le=\"0.25\"}}").ShouldBe(0, "the slow instance takes 300 ms");
        // Upper bounds with room: on a loaded CI machine a 300 ms answer once took over 500 ms.
        Value(text, $"{GoldenSignalSeries.ResponseSeconds}_bucket{{service=\"demo\",version=\"v2\",instance_id=\"v2-b\",le=\"2\"}}").ShouldBe(v2);
        Value(text, $"{GoldenSignalSeries.ResponseSeconds}_sum{{service=\"demo\",version=\"v2\",instance_id=\"v2-b\"}}").ShouldBeGreaterThanOrEqualTo(0.29 * v2, "300 ms a request, less a rounding");
        Value(text, $"{GoldenSignalSeries.ResponseSeconds}_bucket{{service=\"demo\",version=\"v1\",instance_id=\"v1-a\",le=\"0.25\"}}").ShouldBeGreaterThan(0);
        Value(text, $"{GoldenSignalSeries.ResponseSeconds}_bucket{{service=\"demo\",version=\"v1\",instance_id=\"v1-a\",le=\"2\"}}").ShouldBe(v1);
    }

    [Fact]
    public async Task Follower_ARequestOnAConnectionKeptAliveFromBeforeItStarted_IsCounted()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var backend = await TestBackend.StartAsync("v1-a");
        await haproxy.AddHealthyAsync(backend);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["v1-a"] = 100 }, CancellationToken.None);
        await HaproxyHarness.CountAnswersAsync(haproxy.Production, 1);
        // The pause is the point: the next request on this connection was accepted, for HAProxy, when the last one ended.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);
        var recorder = new GoldenSignalRecorder("demo");
        recorder.Track([backend.Endpoint with { Version = "v1" }]);
        await using var follower = HaproxyRequestFollower.Start(haproxy.Options.SocketPath, recorder, NullLogger.Instance, TimeProvider.System);

        await HaproxyHarness.CountAnswersAsync(haproxy.Production, 1);

        await Eventually.HoldsAsync(() => Task.FromResult(follower.Followed == 1), TimeSpan.FromSeconds(10), $"the request after the pause reached the follower (followed {follower.Followed})");
    }

    [Fact]
    public async Task Follower_ARequestAnsweredMillisecondsAfterItStarted_IsCounted()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var backend = await TestBackend.StartAsync("v1-a");
        await haproxy.AddHealthyAsync(backend);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["v1-a"] = 100 }, CancellationToken.None);
        // A warm client on a kept-alive connection is answered a millisecond or two after the follower's start, as in a
        // full test run. Dated by its accept date plus HAProxy's whole-millisecond timers, its line came out dated before
        // the start and was skipped (round 1 failed in 3 runs of 3).
        await HaproxyHarness.CountAnswersAsync(haproxy.Production, 1);

        for (var round = 1; round <= 10; round++)
        {
            await using var follower = HaproxyRequestFollower.Start(haproxy.Options.SocketPath, _ => { }, NullLogger.Instance, TimeProvider.System);
            await HaproxyHarness.CountAnswersAsync(haproxy.Production, 1);

            await Eventually.HoldsAsync(() => Task.FromResult(follower.Followed == 1), TimeSpan.FromSeconds(5), $"round {round}: the request sent right after the start reached the follower (followed {follower.Followed})");
        }
    }

    [Fact]
    public void Sample_ThisTestProcess_CountsItsMemoryAndCpu()
    {
        var usage = ProcessTreeSampler.Sample([Environment.ProcessId, int.MaxValue]);

        usage.Keys.ShouldBe([Environment.ProcessId]);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        usage[Environment.ProcessId].ResidentBytes.ShouldBeGreaterThanOrEqualTo(self.WorkingSet64 / 2);
        usage[Environment.ProcessId].CpuSeconds.ShouldBeGreaterThan(0);
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.ShouldNotBeNull($"no {series} in\n{text}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
