using System.Collections.Concurrent;
using System.Net;
using Cutover.Core.Routing;
using Cutover.Local.Haproxy;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Haproxy;

public sealed class HaproxyRouterTests
{
    [Fact]
    public async Task SetWeightsAsync_HundredAndZero_SendsEveryRequestToTheFirst()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.AddHealthyAsync(blue, green);

        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, CancellationToken.None);
        var answers = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 200);

        answers.ShouldBe(new Dictionary<string, int> { ["blue"] = 200 });
    }

    [Fact]
    public async Task SetWeightsAsync_FiftyFifty_SplitsRequestsEvenly()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.AddHealthyAsync(blue, green);

        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 50, ["green"] = 50 }, CancellationToken.None);
        var answers = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 200);

        answers.Keys.ShouldBe(["blue", "green"], ignoreOrder: true);
        answers["blue"].ShouldBeInRange(80, 120);
    }

    [Fact]
    public async Task SetWeightsAsync_CanaryWeightsForTenPercent_SendsTenPercentToCanary()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var stable = await TestBackend.StartAsync("stable");
        await using var canary = await TestBackend.StartAsync("canary");
        await haproxy.AddHealthyAsync(stable, canary);

        await haproxy.Router.SetWeightsAsync(TrafficWeights.Compute(["stable"], ["canary"], 10), CancellationToken.None);
        var answers = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 1000);

        answers.Values.Sum().ShouldBe(1000);
        answers.GetValueOrDefault("canary").ShouldBeInRange(60, 140);
    }

    [Fact]
    public async Task SetWeightsAsync_FlippedEvery200MsUnderConcurrentLoad_NoRequestFails()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue", TimeSpan.FromMilliseconds(2));
        await using var green = await TestBackend.StartAsync("green", TimeSpan.FromMilliseconds(2));
        await haproxy.AddHealthyAsync(blue, green);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, CancellationToken.None);
        using var load = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var traffic = LoadAsync(haproxy.Production, 4, load.Token);
        var flips = TimeProvider.System.GetTimestamp();
        var toGreen = true;
        while (TimeProvider.System.GetElapsedTime(flips) < TimeSpan.FromSeconds(3.5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            await haproxy.Router.SetWeightsAsync(
                new Dictionary<string, int> { ["blue"] = toGreen ? 0 : 100, ["green"] = toGreen ? 100 : 0 },
                CancellationToken.None);
            toGreen = !toGreen;
        }

        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 0, ["green"] = 100 }, CancellationToken.None);
        await blue.StopAsync();
        var (answers, failures) = await traffic;

        failures.ShouldBeEmpty();
        answers.Keys.ShouldBe(["blue", "green"], ignoreOrder: true);
        answers.Values.Sum().ShouldBeGreaterThan(200);
    }

    [Fact]
    public async Task ProductionListener_InstanceStopsWhileStillWeighted_RetriesSoNoRequestFails()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue", TimeSpan.FromMilliseconds(2));
        await using var green = await TestBackend.StartAsync("green", TimeSpan.FromMilliseconds(2));
        await haproxy.AddHealthyAsync(blue, green);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 50, ["green"] = 50 }, CancellationToken.None);
        using var load = new CancellationTokenSource(TimeSpan.FromSeconds(2.5));
        var traffic = LoadAsync(haproxy.Production, 4, load.Token);

        await Task.Delay(TimeSpan.FromMilliseconds(1000), TimeProvider.System);
        await blue.StopAsync();
        var (answers, failures) = await traffic;

        failures.ShouldBeEmpty();
        answers.Keys.ShouldBe(["blue", "green"], ignoreOrder: true);
    }

    [Fact]
    public async Task SetTestTargetsAsync_OneTarget_TestListenerRoutesOnlyToIt()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.AddHealthyAsync(blue, green);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, CancellationToken.None);

        await haproxy.Router.SetTestTargetsAsync([green.Endpoint], CancellationToken.None);
        var test = await HaproxyHarness.CountAnswersAsync(haproxy.Test, 50);
        var production = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 50);

        test.ShouldBe(new Dictionary<string, int> { ["green"] = 50 });
        production.ShouldBe(new Dictionary<string, int> { ["blue"] = 50 });
    }

    [Fact]
    public async Task SetTestTargetsAsync_ReplacedTargets_RoutesOnlyToTheNewOnes()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");

        await haproxy.Router.SetTestTargetsAsync([blue.Endpoint, green.Endpoint], CancellationToken.None);
        var both = await HaproxyHarness.CountAnswersAsync(haproxy.Test, 40);
        await haproxy.Router.SetTestTargetsAsync([green.Endpoint], CancellationToken.None);
        var greenOnly = await HaproxyHarness.CountAnswersAsync(haproxy.Test, 40);

        both.Keys.ShouldBe(["blue", "green"], ignoreOrder: true);
        greenOnly.ShouldBe(new Dictionary<string, int> { ["green"] = 40 });
    }

    [Fact]
    public async Task SetTestTargetsAsync_NoTargets_TestListenerAnswers503()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.Router.SetTestTargetsAsync([green.Endpoint], CancellationToken.None);

        await haproxy.Router.SetTestTargetsAsync([], CancellationToken.None);
        using var response = await haproxy.Test.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        green.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task GetStateAsync_AfterWeightsSet_ReportsWeightHealthAndStatus()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await haproxy.AddHealthyAsync(blue);
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("gone"), CancellationToken.None);

        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 37, ["gone"] = 12 }, CancellationToken.None);
        // A check in progress shows as "* L7OK 0": wait for both instances' last completed check.
        var state = await haproxy.WaitForStateAsync(
            state => state.Single(i => i.InstanceId == "gone").Status.Contains("L4CON", StringComparison.Ordinal)
                && state.Single(i => i.InstanceId == "blue").Status.StartsWith("UP (L7OK 200", StringComparison.Ordinal),
            "both checked");

        state.Count.ShouldBe(2);
        var healthy = state.Single(instance => instance.InstanceId == "blue");
        healthy.ShouldBe(new RoutedInstance("blue", 37, true, 0, healthy.Status));
        healthy.Status.ShouldStartWith("UP (L7OK 200");
        var down = state.Single(instance => instance.InstanceId == "gone");
        down.Weight.ShouldBe(12);
        down.Healthy.ShouldBeFalse();
        down.Status.ShouldStartWith("DOWN");
    }

    [Fact]
    public async Task AddAsync_HealthyInstance_IsNotHealthyUntilChecksPass()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");

        await haproxy.Router.AddAsync(blue.Endpoint, CancellationToken.None);
        var first = (await haproxy.Router.GetStateAsync(CancellationToken.None)).Single();
        var later = await haproxy.WaitForStateAsync(state => state.Single().Healthy, "healthy");

        first.Healthy.ShouldBeFalse(first.Status);
        first.Weight.ShouldBe(0);
        later.Single().Weight.ShouldBe(0);
    }

    [Fact]
    public async Task AddAsync_InstanceNotReady_StaysUnhealthy()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        blue.Ready = false;

        await haproxy.Router.AddAsync(blue.Endpoint, CancellationToken.None);
        var state = await haproxy.WaitForStateAsync(state => state.Single().Status.Contains("503", StringComparison.Ordinal), "checked");
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);

        (await haproxy.Router.GetStateAsync(CancellationToken.None)).Single().Healthy.ShouldBeFalse(state.Single().Status);
    }

    [Fact]
    public async Task AddAsync_ConcurrentCallers_EachInstanceGetsItsOwnSlot()
    {
        await using var haproxy = await HaproxyHarness.StartAsync(HaproxyHarness.NewOptions(slotCount: 8));
        var instances = Enumerable.Range(0, 8).Select(i => HaproxyHarness.Unreachable($"i{i}")).ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(() => haproxy.Router.AddAsync(instance, CancellationToken.None))));
        var slots = await haproxy.Router.RecoverAsync(instances, CancellationToken.None);

        slots.Select(slot => slot.InstanceId).ShouldBe(instances.Select(instance => (string?)instance.Id), ignoreOrder: true);
        slots.Select(slot => slot.Address).Distinct().Count().ShouldBe(8);
    }

    [Fact]
    public async Task AddAsync_MoreInstancesThanSlots_ThrowsNamingTheLimit()
    {
        await using var haproxy = await HaproxyHarness.StartAsync(HaproxyHarness.NewOptions(slotCount: 2));
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("a"), CancellationToken.None);
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("b"), CancellationToken.None);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => haproxy.Router.AddAsync(HaproxyHarness.Unreachable("c"), CancellationToken.None));

        error.Message.ShouldContain("all 2 slots");
    }

    [Fact]
    public async Task AddAsync_SlotMissingFromConfig_ReportsHaproxyError()
    {
        await using var haproxy = await HaproxyHarness.StartAsync(HaproxyHarness.NewOptions(slotCount: 1));
        using var router = new HaproxyRouter(
            haproxy.Options.ToRouterOptions() with { SlotCount = 2 }, NullLogger<HaproxyRouter>.Instance, TimeProvider.System);
        await router.AddAsync(HaproxyHarness.Unreachable("a"), CancellationToken.None);

        var error = await Should.ThrowAsync<HaproxyCommandException>(() => router.AddAsync(HaproxyHarness.Unreachable("b"), CancellationToken.None));

        error.Command.ShouldStartWith("set server production/s1 ");
        error.Reply.ShouldBe("No such server.");
        (await router.GetStateAsync(CancellationToken.None)).Select(instance => instance.InstanceId).ShouldBe(["a"]);
    }

    [Fact]
    public async Task SetWeightsAsync_UnknownInstance_ThrowsAndChangesNothing()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("a"), CancellationToken.None);

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["a"] = 10, ["nope"] = 10 }, CancellationToken.None));

        error.Message.ShouldContain("nope");
        (await haproxy.Router.GetStateAsync(CancellationToken.None)).Single().Weight.ShouldBe(0);
    }

    [Fact]
    public async Task RemoveAsync_RoutedInstance_StopsTrafficAndFreesItsSlot()
    {
        await using var haproxy = await HaproxyHarness.StartAsync(HaproxyHarness.NewOptions(slotCount: 2));
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.AddHealthyAsync(blue, green);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 50, ["green"] = 50 }, CancellationToken.None);
        await haproxy.Router.SetTestTargetsAsync([green.Endpoint], CancellationToken.None);

        await haproxy.Router.RemoveAsync("green", CancellationToken.None);
        var production = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 20);
        using var test = await haproxy.Test.GetAsync(new Uri("/", UriKind.Relative));
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("next"), CancellationToken.None);

        production.ShouldBe(new Dictionary<string, int> { ["blue"] = 20 });
        test.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await haproxy.Router.GetStateAsync(CancellationToken.None)).Select(instance => instance.InstanceId).ShouldBe(["blue", "next"]);
    }

    [Fact]
    public async Task RecoverAsync_NewRouterAfterRestart_RebuildsSlotMapFromHaproxy()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await haproxy.AddHealthyAsync(blue, green);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 30, ["green"] = 70 }, CancellationToken.None);
        await haproxy.Router.SetTestTargetsAsync([green.Endpoint], CancellationToken.None);
        await haproxy.Router.AddAsync(HaproxyHarness.Unreachable("forgotten"), CancellationToken.None);
        using var restarted = new HaproxyRouter(haproxy.Options.ToRouterOptions(), NullLogger<HaproxyRouter>.Instance, TimeProvider.System);

        var slots = await restarted.RecoverAsync([blue.Endpoint, green.Endpoint], CancellationToken.None);
        var state = await restarted.GetStateAsync(CancellationToken.None);
        await restarted.AddAsync(HaproxyHarness.Unreachable("new"), CancellationToken.None);

        slots.Count.ShouldBe(4);
        slots.Single(slot => slot.InstanceId is null).Backend.ShouldBe("production");
        slots.Count(slot => slot.InstanceId == "green").ShouldBe(2);
        state.Select(instance => (instance.InstanceId, instance.Weight, instance.Healthy)).ShouldBe([("blue", 30, true), ("green", 70, true)]);
        slots.Select(slot => slot.Slot).ShouldNotContain("s3");
        (await restarted.GetStateAsync(CancellationToken.None)).Count.ShouldBe(3);
        await Should.ThrowAsync<InvalidOperationException>(() => restarted.AddAsync(HaproxyHarness.Unreachable("one-too-many"), CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseUnrecognizedSlotsAsync_AfterRecoveryWithUnknownSlots_StopsTheirTrafficAndFreesThem()
    {
        await using var haproxy = await HaproxyHarness.StartAsync(HaproxyHarness.NewOptions(slotCount: 2));
        await using var old = await TestBackend.StartAsync("old");
        await using var fresh = await TestBackend.StartAsync("fresh");
        await haproxy.AddHealthyAsync(old);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["old"] = 100 }, CancellationToken.None);
        using var restarted = new HaproxyRouter(haproxy.Options.ToRouterOptions(), NullLogger<HaproxyRouter>.Instance, TimeProvider.System);
        await restarted.RecoverAsync(_ => null, CancellationToken.None);
        await restarted.AddAsync(fresh.Endpoint, CancellationToken.None);
        await WaitHealthyAsync(restarted, "fresh");
        await restarted.SetWeightsAsync(new Dictionary<string, int> { ["fresh"] = 100 }, CancellationToken.None);

        var released = await restarted.ReleaseUnrecognizedSlotsAsync(CancellationToken.None);
        var answers = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 20);
        await restarted.AddAsync(HaproxyHarness.Unreachable("next"), CancellationToken.None);

        released.ShouldBe(1);
        answers.ShouldBe(new Dictionary<string, int> { ["fresh"] = 20 });
    }

    private static async Task WaitHealthyAsync(HaproxyRouter router, string instanceId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await router.GetStateAsync(CancellationToken.None)).Any(instance => instance.InstanceId == instanceId && instance.Healthy))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        throw new TimeoutException($"{instanceId} not healthy after 10 s");
    }

    /// <summary>Concurrent clients sending GETs until cancelled: answers by backend name, and every failure.</summary>
    private static async Task<(IReadOnlyDictionary<string, int> Answers, IReadOnlyList<string> Failures)> LoadAsync(
        HttpClient client, int clients, CancellationToken stop)
    {
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();

        async Task ClientAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("/", UriKind.Relative), CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        answers.AddOrUpdate(body, 1, (_, count) => count + 1);
                    }
                    else
                    {
                        failures.Enqueue($"HTTP {(int)response.StatusCode}: {body}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Enqueue(exception.Message);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync, CancellationToken.None)));
        return (answers, [.. failures]);
    }
}
