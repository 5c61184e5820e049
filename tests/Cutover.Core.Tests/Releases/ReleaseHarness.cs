using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Testing;
using Cutover.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Core.Tests.Releases;

/// <summary>An engine over in-memory ports and a fake clock, with v1 already serving on two instances.</summary>
internal sealed class ReleaseHarness : IDisposable
{
    public FakeTimeProvider Time { get; } = new();

    public FakeInstanceRuntime Runtime { get; } = new();

    public FakeTrafficRouter Router { get; } = new();

    public FakeHookRunner Hooks { get; } = new();

    public InMemoryReleaseStore Store { get; } = new();

    public ReleaseHarness()
    {
        Alarms = new FakeAlarmStatusSource(Time);
        RequestCounts = new FakeRequestCounts(Router);
    }

    /// <summary>The guard's load-balancer counters; every version answers without errors until told otherwise.</summary>
    public FakeRequestCounts RequestCounts { get; }

    public FakeAlarmStatusSource Alarms { get; }

    public FakeCanaryMetricsSource CanaryMetrics { get; } = new();

    public List<InstanceEndpoint> OldInstances { get; } = [];

    public ReleaseEngine Engine { get; private set; } = null!;

    public static async Task<ReleaseHarness> StartAsync(ReleaseStrategyKind strategy, ReleaseSpec? spec = null, string version = "v2", Func<ReleaseHarness, ReleaseState, Task<ReleaseState>>? saved = null, Func<ReleaseSettings, ReleaseSettings>? configure = null)
    {
        var harness = new ReleaseHarness();
        for (var i = 0; i < 2; i++)
        {
            var old = await harness.Runtime.StartAsync("v1", CancellationToken.None);
            await harness.Router.AddAsync(old, CancellationToken.None);
            harness.OldInstances.Add(old);
        }

        await harness.Router.SetWeightsAsync(harness.OldInstances.ToDictionary(i => i.Id, _ => 100), CancellationToken.None);
        harness.Router.WeightHistory.Clear();

        var release = spec ?? new ReleaseSpec
        {
            BakeTime = TimeSpan.FromSeconds(5),
            TerminationWait = TimeSpan.FromSeconds(3),
            PreTrafficHooks = [new HookSpec { Name = "smoke", Command = new CommandSpec { Command = "true" } }],
        };
        var settings = new ReleaseSettings
        {
            Release = release,
            HealthCheck = new HealthCheckSpec { StartTimeout = TimeSpan.FromSeconds(10) },
            Shutdown = new ShutdownSpec(),
            Instances = 2,
            TestListener = new Uri("http://127.0.0.1:8081"),
        };
        settings = configure?.Invoke(settings) ?? settings;
        var state = new ReleaseState
        {
            Id = "r1",
            Kind = ReleaseKind.Deploy,
            Version = version,
            PreviousVersion = "v1",
            Strategy = strategy,
            Steps = ReleasePlan.StepsFor(strategy, release),
            RequestedBy = "test",
            StartedAt = harness.Time.GetUtcNow(),
            OldInstances = [.. harness.OldInstances],
        };
        if (saved is not null)
        {
            state = await saved(harness, state);
            await harness.Store.SaveReleaseAsync(state, CancellationToken.None);
        }

        harness.Engine = new ReleaseEngine(state, harness.Runtime, harness.Router, harness.Hooks, harness.Store, harness.Alarms, settings, harness.Time, harness.CanaryMetrics, harness.RequestCounts);
        return harness;
    }

    public Task<ReleaseState> Run() => Task.Run(() => Engine.RunAsync(CancellationToken.None));

    public Task<ReleaseState> Resume() => Task.Run(() => Engine.ResumeAsync(CancellationToken.None));

    /// <summary>Two instances of <paramref name="version"/> started and in the load balancer, as a crashed control plane left them.</summary>
    public async Task<IReadOnlyList<InstanceEndpoint>> StartRoutedAsync(string version)
    {
        var started = new List<InstanceEndpoint>();
        for (var i = 0; i < 2; i++)
        {
            var instance = await Runtime.StartAsync(version, CancellationToken.None);
            await Router.AddAsync(instance, CancellationToken.None);
            started.Add(instance);
        }

        return started;
    }

    /// <summary>Moves the fake clock in small steps, letting the engine's continuations run, until the condition holds.</summary>
    public async Task AdvanceUntilAsync(Func<ReleaseState, bool> condition, TimeSpan? limit = null)
    {
        var budget = limit ?? TimeSpan.FromMinutes(10);
        var moved = TimeSpan.Zero;
        while (!condition(Engine.Current))
        {
            if (moved > budget)
            {
                throw new TimeoutException($"condition not reached after {budget} of fake time; release is {Engine.Current.Phase} step {Engine.Current.StepIndex}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            await SettleAsync();
            Time.Advance(TimeSpan.FromMilliseconds(250));
            moved += TimeSpan.FromMilliseconds(250);
        }
    }

    /// <summary>
    /// Lets queued continuations start before the clock moves again, so that on a loaded machine fake time does not run
    /// ahead of the engine's work (a rollback's steps each wait on the clock in turn). Bounded: other tests share the pool.
    /// </summary>
    private static async Task SettleAsync()
    {
        for (var i = 0; i < 20 && ThreadPool.PendingWorkItemCount > 0; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }
    }

    /// <summary>Share of the total weight that the new version's instances hold, in percent.</summary>
    public static double NewShare(IReadOnlyDictionary<string, int> weights, string newVersion)
    {
        var total = weights.Values.Sum();
        return total == 0 ? 0 : 100.0 * weights.Where(w => w.Key.StartsWith(newVersion + "-", StringComparison.Ordinal)).Sum(w => w.Value) / total;
    }

    public void Dispose() => Engine.Dispose();
}
