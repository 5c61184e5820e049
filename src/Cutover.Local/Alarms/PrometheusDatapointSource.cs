using Cutover.Core.Alarms;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Alarms;

/// <summary>
/// One period's value of an alarm's metric for one version, from the local Prometheus (and, for restarts, from the
/// control plane's own count). No data is a null value, never a zero: the alarm's missing-data treatment decides.
/// </summary>
public sealed class PrometheusDatapointSource(PrometheusClient prometheus, Func<string, DateTimeOffset, DateTimeOffset, int> exitsOfVersion)
{
    /// <summary>The alarm's value for the period ending at <paramref name="periodEnd"/>, over <paramref name="instanceIds"/> of the version.</summary>
    public async Task<double?> ReadAsync(AlarmSpec alarm, string version, IReadOnlyCollection<string> instanceIds, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        switch (alarm.Metric)
        {
            case BuiltInAlarmMetric builtIn:
                return await ReadAsync(builtIn.Metric, alarm.Statistic, alarm.Period, version, instanceIds, periodEnd, cancellationToken).ConfigureAwait(false);
            case ExpressionAlarmMetric expression:
                var values = new Dictionary<string, double?>(StringComparer.Ordinal);
                foreach (var (id, stat) in expression.Metrics)
                {
                    values[id] = await ReadAsync(stat.Metric, stat.Statistic, alarm.Period, version, instanceIds, periodEnd, cancellationToken).ConfigureAwait(false);
                }

                return MetricMath.Evaluate(expression.Expression, values);
            case LogAlarmMetric log:
                return await QueryAsync(PromQlQueries.LogMetric(log.MetricName, alarm.Period, version), periodEnd, cancellationToken).ConfigureAwait(false);
            case PromQlAlarmMetric promQl:
                return await QueryAsync(PromQlQueries.Expand(promQl.Query, alarm.Period, version), periodEnd, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private async Task<double?> ReadAsync(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version, IReadOnlyCollection<string> instanceIds, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        var query = PromQlQueries.For(metric, statistic, period, version, instanceIds);
        return query is null
            ? exitsOfVersion(version, periodEnd - period, periodEnd)
            : await QueryAsync(query, periodEnd, cancellationToken).ConfigureAwait(false);
    }

    private async Task<double?> QueryAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await prometheus.QueryAsync(query, at, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || result.Value is not { } value || value.Samples.Count == 0)
        {
            return null;
        }

        var sample = value.Samples[0].Value;
        return double.IsFinite(sample) ? sample : null;
    }
}
