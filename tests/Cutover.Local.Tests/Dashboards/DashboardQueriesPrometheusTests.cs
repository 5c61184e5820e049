using System.Text.Json;
using Cutover.Core.Dashboards;
using Cutover.Local.Tests.Prometheus;

namespace Cutover.Local.Tests.Dashboards;

/// <summary>The exported dashboards' queries run on a real Prometheus, as Grafana would send them.</summary>
public sealed class DashboardQueriesPrometheusTests
{
    [Fact]
    public async Task GrafanaExport_GoldenSignals_EveryQueryIsAcceptedByPrometheus()
    {
        using var grafana = JsonDocument.Parse(GrafanaDashboardRenderer.Render(DefaultDashboards.GoldenSignals("demo"), new GrafanaOptions { ServiceName = "demo" }));
        var queries = grafana.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _) && p.GetProperty("datasource").GetProperty("type").GetString() == "prometheus")
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        queries.Count.ShouldBe(9);
        await using var prometheus = await TemporaryPrometheus.StartAsync();

        foreach (var query in queries)
        {
            // What Grafana sends for "All" versions over its rate interval.
            var sent = query.Replace("$version", "(v1|v2)", StringComparison.Ordinal).Replace("$__rate_interval", "1m", StringComparison.Ordinal);

            var result = await prometheus.Client.QueryAsync(sent, null, CancellationToken.None);

            result.Succeeded.ShouldBeTrue($"{sent}: {result.Error?.Message}");
        }
    }
}
