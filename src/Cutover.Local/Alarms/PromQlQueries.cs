using System.Globalization;
using Cutover.Core.Alarms;

namespace Cutover.Local.Alarms;

/// <summary>
/// The PromQL that computes one period's value of a built-in metric for one version, evaluated at the period's end
/// over a window of the period's length. Health checks and scrapes are not user traffic and are left out.
/// </summary>
public static class PromQlQueries
{
    /// <summary>Windows shorter than two scrapes hold one sample, from which rate() computes nothing.</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(2);

    private const string NotUserTraffic = "path!~\"/health/.*|/metrics\"";

    /// <summary>
    /// The query, or null for <see cref="BuiltInMetric.Restarts"/>, which the control plane counts itself.
    /// With <paramref name="instanceIds"/>, only those instances count: instances of the same version that were
    /// stopped earlier (an old deployment of a version now rolled back to) must not be judged with the new ones.
    /// </summary>
    public static string? For(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version, IReadOnlyCollection<string>? instanceIds = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var window = Window(period);
        var service = $"job=\"service\",version=\"{version}\"" + InstanceMatcher(instanceIds);
        var requests = $"http_requests_total{{{service},{NotUserTraffic}}}";
        var errors = $"http_requests_total{{{service},{NotUserTraffic},code=~\"5..\"}}";
        return metric switch
        {
            BuiltInMetric.Requests => Count(requests, statistic, window),
            BuiltInMetric.Errors5xx => $"({Count(errors, statistic, window)}) or (sum({requests}) * 0)",
            // No 5xx series yet means no errors, not no data; no requests at all gives an empty result: missing.
            BuiltInMetric.ErrorRate => $"(sum(increase({errors}[{window}])) or (sum(increase({requests}[{window}])) * 0)) / sum(increase({requests}[{window}]))",
            BuiltInMetric.Latency => Latency(service, statistic, window),
            BuiltInMetric.MemoryUtilization => Memory(service, statistic, window),
            // Unhealthy: every scrape in the window failed, of an instance that did answer before. One slow scrape on
            // a busy host is not an unhealthy instance, and neither is one still booting (scraped from its start so its
            // counters exist before traffic): one that never comes up is the health gate's to refuse.
            BuiltInMetric.UnhealthyInstances =>
                $"sum((1 - max_over_time(up{{{service}}}[{window}])) and on (instance_id) (max_over_time(up{{{service}}}[{Core.Dashboards.PromQlBuilder.AnsweredLookback}]) > 0))",
            BuiltInMetric.Restarts => null,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }

    /// <summary>
    /// What a log metric filter counted for the version in the period: the increase of the control plane's counter,
    /// which starts at 0 for every declared version, so a period without matching lines is 0, not missing.
    /// </summary>
    public static string LogMetric(string metricName, TimeSpan period, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        return $"sum(increase(cutover_log_metric_total{{job=\"cutover\",metric=\"{metricName}\",version=\"{version}\"}}[{Window(period)}]))";
    }

    /// <summary>A raw query from the manifest with <c>$version</c> and <c>$window</c> filled in.</summary>
    public static string Expand(string query, TimeSpan period, string version)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Replace("$version", version, StringComparison.Ordinal).Replace("$window", Window(period), StringComparison.Ordinal);
    }

    private static string InstanceMatcher(IReadOnlyCollection<string>? instanceIds)
    {
        if (instanceIds is null)
        {
            return string.Empty;
        }

        // Regex-escaped for PromQL's RE2, then backslashes doubled for the PromQL string literal.
        var alternatives = string.Join("|", instanceIds.Order(StringComparer.Ordinal).Select(id => System.Text.RegularExpressions.Regex.Escape(id).Replace("\\", "\\\\", StringComparison.Ordinal)));
        return $",instance_id=~\"{alternatives}\"";
    }

    private static string Window(TimeSpan period)
    {
        var seconds = Math.Max(period.TotalSeconds, MinimumWindow.TotalSeconds);
        return seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }

    private static string Count(string series, AlarmStatistic statistic, string window) => statistic.Kind switch
    {
        AlarmStatisticKind.Average => $"sum(rate({series}[{window}]))",
        AlarmStatisticKind.Maximum => $"max(increase({series}[{window}]))",
        AlarmStatisticKind.Minimum => $"min(increase({series}[{window}]))",
        _ => $"sum(increase({series}[{window}]))",
    };

    private static string Latency(string service, AlarmStatistic statistic, string window)
    {
        var buckets = $"sum by (le) (rate(http_request_duration_seconds_bucket{{{service},{NotUserTraffic}}}[{window}]))";
        return statistic.Kind switch
        {
            AlarmStatisticKind.Percentile => $"histogram_quantile({(statistic.Percentile!.Value / 100).ToString("0.#####", CultureInfo.InvariantCulture)}, {buckets})",
            AlarmStatisticKind.Maximum => $"histogram_quantile(1, {buckets})",
            AlarmStatisticKind.Minimum => $"histogram_quantile(0, {buckets})",
            AlarmStatisticKind.Sum => $"sum(increase(http_request_duration_seconds_sum{{{service},{NotUserTraffic}}}[{window}]))",
            AlarmStatisticKind.SampleCount => $"sum(increase(http_request_duration_seconds_count{{{service},{NotUserTraffic}}}[{window}]))",
            _ => $"sum(rate(http_request_duration_seconds_sum{{{service},{NotUserTraffic}}}[{window}])) / sum(rate(http_request_duration_seconds_count{{{service},{NotUserTraffic}}}[{window}]))",
        };
    }

    private static string Memory(string service, AlarmStatistic statistic, string window)
    {
        var (over, across) = statistic.Kind switch
        {
            AlarmStatisticKind.Minimum => ("min_over_time", "min"),
            AlarmStatisticKind.Average => ("avg_over_time", "avg"),
            _ => ("max_over_time", "max"),
        };
        return $"{across}({over}(process_resident_memory_bytes{{{service}}}[{window}]) / {over}(cutover_memory_limit_bytes{{{service}}}[{window}]))";
    }
}
