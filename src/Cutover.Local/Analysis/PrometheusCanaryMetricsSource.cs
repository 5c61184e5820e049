using Cutover.Core.Alarms;
using Cutover.Core.Analysis;
using Cutover.Local.Alarms;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Analysis;

/// <summary>
/// One analysis interval's value of a metric, and the requests it rests on, for the instances a version runs now,
/// from the local Prometheus. The same queries as the alarms, over the interval instead of an alarm period.
/// </summary>
public sealed class PrometheusCanaryMetricsSource(PrometheusClient prometheus, Func<string, IReadOnlyCollection<string>> instanceIdsOf) : ICanaryMetricsSource
{
    public async Task<AnalysisSample?> ReadAsync(AnalysisMetricSpec metric, string version, DateTimeOffset intervalStart, DateTimeOffset intervalEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var window = intervalEnd - intervalStart;
        var instances = instanceIdsOf(version);
        var valueQuery = PromQlQueries.For(metric.Metric, metric.Statistic, window, version, instances);
        if (valueQuery is null)
        {
            return null;
        }

        var requestsQuery = PromQlQueries.For(BuiltInMetric.Requests, AlarmStatistic.Sum, window, version, instances)!;
        var value = await QueryAsync(valueQuery, intervalEnd, cancellationToken).ConfigureAwait(false);
        var requests = await QueryAsync(requestsQuery, intervalEnd, cancellationToken).ConfigureAwait(false);
        return new AnalysisSample(value, requests);
    }

    private async Task<double?> QueryAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await prometheus.QueryAsync(query, at, cancellationToken).ConfigureAwait(false);
        return result.Succeeded && result.Value is { Samples.Count: > 0 } value && double.IsFinite(value.Samples[0].Value)
            ? value.Samples[0].Value
            : null;
    }
}
