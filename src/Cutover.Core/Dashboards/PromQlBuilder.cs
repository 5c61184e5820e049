using System.Globalization;
using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>
/// The PromQL behind each built-in metric, built the way the local alarms build it
/// (<c>Cutover.Local.Alarms.PromQlQueries</c>, which a test compares with this class), so a dashboard shows the numbers
/// the alarms judge. Health checks and scrapes are not user traffic and are left out.
/// </summary>
public static class PromQlBuilder
{
    /// <summary>In a dashboard query: the versions shown, as a regular expression (Grafana's <c>version</c> variable).</summary>
    public const string VersionVariable = "$version";

    /// <summary>In a dashboard query: the rate window, such as Grafana's <c>$__rate_interval</c> or the alarm period.</summary>
    public const string WindowVariable = "$window";

    /// <summary>Windows shorter than two scrapes hold one sample, from which rate() computes nothing.</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(2);

    private const string NotUserTraffic = "path!~\"/health/.*|/metrics\"";

    /// <summary>
    /// The query for one period's value of <paramref name="metric"/> for one version, as an alarm evaluates it; null for
    /// <see cref="BuiltInMetric.Restarts"/>, which the control plane counts itself.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="statistic">How the period's samples become one value.</param>
    /// <param name="period">The period; the window is the period, at least <see cref="MinimumWindow"/>.</param>
    /// <param name="version">The version, such as <c>v2</c>.</param>
    public static string? ForVersion(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(version);
        return Build(metric, statistic, Window(period), $"version=\"{version}\"", byVersion: false);
    }

    /// <summary>
    /// The dashboard query for <paramref name="metric"/> over the versions <see cref="VersionVariable"/> matches, with the
    /// window left as <see cref="WindowVariable"/>: one series per version when <paramref name="perVersion"/>, otherwise
    /// one for them all. Null for <see cref="BuiltInMetric.Restarts"/>, which is not in Prometheus.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="statistic">How each point is computed from the window's samples.</param>
    /// <param name="perVersion">Group by version.</param>
    public static string? Template(BuiltInMetric metric, AlarmStatistic statistic, bool perVersion)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return Build(metric, statistic, WindowVariable, $"version=~\"{VersionVariable}\"", perVersion);
    }

    /// <summary>How far back an instance must have answered a scrape once for failed scrapes to make it unhealthy.</summary>
    public const string AnsweredLookback = "1h";

    /// <summary>The window for <paramref name="period"/> in PromQL's spelling, such as <c>2s</c>.</summary>
    public static string Window(TimeSpan period)
    {
        var seconds = Math.Max(period.TotalSeconds, MinimumWindow.TotalSeconds);
        return seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }

    private static string? Build(BuiltInMetric metric, AlarmStatistic statistic, string window, string versionMatcher, bool byVersion)
    {
        var service = $"job=\"service\",{versionMatcher}";
        var requests = $"http_requests_total{{{service},{NotUserTraffic}}}";
        var errors = $"http_requests_total{{{service},{NotUserTraffic},code=~\"5..\"}}";
        var sum = Aggregate("sum", byVersion);
        return metric switch
        {
            BuiltInMetric.Requests => Count(requests, statistic, window, byVersion),
            BuiltInMetric.Errors5xx => $"({Count(errors, statistic, window, byVersion)}) or ({sum}({requests}) * 0)",
            // No 5xx series yet means no errors, not no data; no requests at all gives an empty result: missing.
            BuiltInMetric.ErrorRate => $"({sum}(increase({errors}[{window}])) or ({sum}(increase({requests}[{window}])) * 0)) / {sum}(increase({requests}[{window}]))",
            BuiltInMetric.Latency => Latency(service, statistic, window, byVersion),
            BuiltInMetric.MemoryUtilization => Memory(service, statistic, window, byVersion),
            // Every scrape in the window failed, of an instance that answered before (one still booting is not unhealthy).
            BuiltInMetric.UnhealthyInstances =>
                $"{sum}((1 - max_over_time(up{{{service}}}[{window}])) and on (instance_id) (max_over_time(up{{{service}}}[{AnsweredLookback}]) > 0))",
            BuiltInMetric.Restarts => null,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }

    /// <summary><c>sum</c>, or <c>sum by (version) </c> so that what follows in parentheses is grouped by version.</summary>
    private static string Aggregate(string op, bool byVersion) => byVersion ? $"{op} by (version) " : op;

    private static string Count(string series, AlarmStatistic statistic, string window, bool byVersion) => statistic.Kind switch
    {
        AlarmStatisticKind.Average => $"{Aggregate("sum", byVersion)}(rate({series}[{window}]))",
        AlarmStatisticKind.Maximum => $"{Aggregate("max", byVersion)}(increase({series}[{window}]))",
        AlarmStatisticKind.Minimum => $"{Aggregate("min", byVersion)}(increase({series}[{window}]))",
        _ => $"{Aggregate("sum", byVersion)}(increase({series}[{window}]))",
    };

    private static string Latency(string service, AlarmStatistic statistic, string window, bool byVersion)
    {
        var sum = Aggregate("sum", byVersion);
        var selector = $"{{{service},{NotUserTraffic}}}";
        var buckets = $"sum by ({(byVersion ? "le, version" : "le")}) (rate(http_request_duration_seconds_bucket{selector}[{window}]))";
        return statistic.Kind switch
        {
            AlarmStatisticKind.Percentile => $"histogram_quantile({(statistic.Percentile!.Value / 100).ToString("0.#####", CultureInfo.InvariantCulture)}, {buckets})",
            AlarmStatisticKind.Maximum => $"histogram_quantile(1, {buckets})",
            AlarmStatisticKind.Minimum => $"histogram_quantile(0, {buckets})",
            AlarmStatisticKind.Sum => $"{sum}(increase(http_request_duration_seconds_sum{selector}[{window}]))",
            AlarmStatisticKind.SampleCount => $"{sum}(increase(http_request_duration_seconds_count{selector}[{window}]))",
            _ => $"{sum}(rate(http_request_duration_seconds_sum{selector}[{window}])) / {sum}(rate(http_request_duration_seconds_count{selector}[{window}]))",
        };
    }

    private static string Memory(string service, AlarmStatistic statistic, string window, bool byVersion)
    {
        var (over, across) = statistic.Kind switch
        {
            AlarmStatisticKind.Minimum => ("min_over_time", "min"),
            AlarmStatisticKind.Average => ("avg_over_time", "avg"),
            _ => ("max_over_time", "max"),
        };
        return $"{Aggregate(across, byVersion)}({over}(process_resident_memory_bytes{{{service}}}[{window}]) / {over}(cutover_memory_limit_bytes{{{service}}}[{window}]))";
    }
}
