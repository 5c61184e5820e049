using Cutover.Core.Alarms;
using Cutover.Core.Instances;
using Cutover.Local.Alarms;
using Cutover.Local.Tests.Prometheus;
using Cutover.Testing;

namespace Cutover.Local.Tests.Alarms;

/// <summary>The unhealthy-instances query on a real Prometheus: an instance that stopped answering counts, one still booting does not.</summary>
public sealed class UnhealthyInstancesPrometheusTests
{
    private static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task For_UnhealthyInstances_CountsAnInstanceThatStoppedAnsweringButNotOneThatNeverAnswered()
    {
        var stopping = await MetricsServer.StartAsync(requests: 1);
        await using var prometheus = await TemporaryPrometheus.StartAsync();
        var answered = new InstanceEndpoint("v2-1-aa", "v2", "127.0.0.1", stopping.Port, Environment.ProcessId);
        var booting = new InstanceEndpoint("v2-2-bb", "v2", "127.0.0.1", FreePorts.Next(), Environment.ProcessId);
        var query = PromQlQueries.For(BuiltInMetric.UnhealthyInstances, AlarmStatistic.Maximum, TimeSpan.FromSeconds(2), "v2")!;
        await prometheus.Process.UpdateTargetsAsync([answered, booting], CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => (await prometheus.Client.QueryAsync("up{job=\"service\",instance_id=\"v2-1-aa\"} == 1", null, CancellationToken.None)).Value?.Samples.Count == 1
                && (await prometheus.Client.QueryAsync("up{job=\"service\",instance_id=\"v2-2-bb\"} == 0", null, CancellationToken.None)).Value?.Samples.Count == 1,
            DiscoveryTimeout,
            "both instances are scraped, one up, one down");

        var whileBooting = await ValueAsync(prometheus, query);
        await stopping.DisposeAsync();
        await Eventually.HoldsAsync(async () => await ValueAsync(prometheus, query) == 1, DiscoveryTimeout, "the instance that stopped answering counts as unhealthy");
        var broken = await prometheus.Client.QueryAsync("sum(1 - max_over_time(up{job=\"service\",version=\"v2\"}[2s]))", null, CancellationToken.None);

        whileBooting.ShouldBe(0, "an instance that never answered is still booting: the health gate judges it, not this alarm");
        broken.Value.ShouldNotBeNull().Samples.ShouldHaveSingleItem().Value.ShouldBe(2, "without the lookback the booting instance would count too");
    }

    private static async Task<double?> ValueAsync(TemporaryPrometheus prometheus, string query)
    {
        var result = await prometheus.Client.QueryAsync(query, null, CancellationToken.None);
        return result.Value?.Samples.Count > 0 ? result.Value.Samples[0].Value : null;
    }
}
