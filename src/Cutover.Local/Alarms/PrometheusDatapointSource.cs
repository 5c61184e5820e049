using Cutover.Core.Alarms;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Alarms;

/// <summary>
/// One period's value of an alarm's metric for one version, from the local Prometheus (and, for restarts, from the
/// control plane's own count). No data is a null value, never a zero: the alarm's missing-data treatment decides. A
/// store that does not answer is told apart from one that answers "no data" (<see cref="AlarmRead.Answered"/>).
/// </summary>
public sealed class PrometheusDatapointSource(PrometheusClient prometheus, Func<string, DateTimeOffset, DateTimeOffset, int> exitsOfVersion)
{
    /// <summary>The alarm's value for the period ending at <paramref name="periodEnd"/>, over <paramref name="instanceIds"/> of the version.</summary>
    public async Task<AlarmRead> ReadAsync(AlarmSpec alarm, string version, IReadOnlyCollection<string> instanceIds, DateTimeOffset periodEnd, CancellationToken cancellationToken)
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
                    var read = await ReadAsync(stat.Metric, stat.Statistic, alarm.Period, version, instanceIds, periodEnd, cancellationToken).ConfigureAwait(false);
                    if (!read.Answered)
                    {
                        return read;
                    }

                    values[id] = read.Value;
                }

                return AlarmRead.Of(MetricMath.Evaluate(expression.Expression, values));
            case LogAlarmMetric log:
                return await QueryAsync(PromQlQueries.LogMetric(log.MetricName, alarm.Period, version), periodEnd, cancellationToken).ConfigureAwait(false);
            case PromQlAlarmMetric promQl:
                return await QueryAsync(PromQlQueries.Expand(promQl.Query, alarm.Period, version), periodEnd, cancellationToken).ConfigureAwait(false);
            default:
                return AlarmRead.Of(null);
        }
    }

    private async Task<AlarmRead> ReadAsync(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version, IReadOnlyCollection<string> instanceIds, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        var query = PromQlQueries.For(metric, statistic, period, version, instanceIds);
        return query is null
            ? AlarmRead.Of(exitsOfVersion(version, periodEnd - period, periodEnd))
            : await QueryAsync(query, periodEnd, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AlarmRead> QueryAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await prometheus.QueryAsync(query, at, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return AlarmRead.Unanswered(result.Error.Message);
        }

        if (result.Value is not { } value || value.Samples.Count == 0)
        {
            return AlarmRead.Of(null);
        }

        var sample = value.Samples[0].Value;
        return AlarmRead.Of(double.IsFinite(sample) ? sample : null);
    }
}
