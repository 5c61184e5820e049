using System.Globalization;
using Cutover.Core.Alarms;

namespace Cutover.Core.Dashboards;

/// <summary>
/// The PromQL behind each built-in metric, over the series the control plane measures at the load balancer and from the
/// operating system (<see cref="GoldenSignalSeries"/>), so any HTTP service is judged, instrumented or not. The local
/// alarms (<c>Cutover.Local.Alarms.PromQlQueries</c>), the canary analysis and the dashboards all build their queries
/// here, so a dashboard shows the numbers the alarms judge.
/// </summary>
public static class PromQlBuilder
{
    /// <summary>In a dashboard query: the versions shown, as a regular expression (Grafana's <c>version</c> variable).</summary>
    public const string VersionVariable = "$version";

    /// <summary>In a dashboard query: the rate window, such as Grafana's <c>$__rate_interval</c> or the alarm period.</summary>
    public const string WindowVariable = "$window";

    /// <summary>Windows shorter than two scrapes hold one sample, from which rate() computes nothing.</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The query for one period's value of <paramref name="metric"/> for one version, as an alarm evaluates it; null for
    /// <see cref="BuiltInMetric.Restarts"/>, which the control plane counts itself.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="statistic">How the period's samples become one value.</param>
    /// <param name="period">The period; the window is the period, at least <see cref="MinimumWindow"/>.</param>
    /// <param name="version">The version, such as <c>v2</c>.</param>
    /// <param name="instanceIds">
    /// When given, only these instances count: instances of the same version that were stopped earlier (an old
    /// deployment of a version now rolled back to) must not be judged with the new ones.
    /// </param>
    public static string? ForVersion(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version, IReadOnlyCollection<string>? instanceIds = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(version);
        return Build(metric, statistic, Window(period), $"version=\"{version}\"" + InstanceMatcher(instanceIds), byVersion: false);
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

    /// <summary>The window for <paramref name="period"/> in PromQL's spelling, such as <c>2s</c>.</summary>
    public static string Window(TimeSpan period)
    {
        var seconds = Math.Max(period.TotalSeconds, MinimumWindow.TotalSeconds);
        return seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
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

    private static string? Build(BuiltInMetric metric, AlarmStatistic statistic, string window, string versionMatcher, bool byVersion)
    {
        var service = $"job=\"{GoldenSignalSeries.Job}\",{versionMatcher}";
        var requests = $"{GoldenSignalSeries.Requests}{{{service}}}";

        // The instances' own 5xx, as the ALB's HTTPCode_Target_5XX_Count: a timeout HAProxy answers is counted apart
        // (source="lb") and judged by the latency and health alarms.
        var errors = $"{GoldenSignalSeries.Requests}{{{service},code=\"{GoldenSignalSeries.ServerErrorClass}\",source=\"{GoldenSignalSeries.FromInstance}\"}}";
        var sum = Aggregate("sum", byVersion);
        return metric switch
        {
            BuiltInMetric.Requests => Count(requests, statistic, window, byVersion),
            BuiltInMetric.Errors5xx => $"({Count(errors, statistic, window, byVersion)}) or ({sum}({requests}) * 0)",
            // Every instance's series exist at 0 from its start; no requests at all gives 0 / 0, no value: missing.
            BuiltInMetric.ErrorRate => $"({sum}(increase({errors}[{window}])) or ({sum}(increase({requests}[{window}])) * 0)) / {sum}(increase({requests}[{window}]))",
            BuiltInMetric.Latency => Latency(service, statistic, window, byVersion),
            BuiltInMetric.MemoryUtilization => Memory(service, statistic, window, byVersion),
            // HAProxy's checks hold the instance down after it had been up: one still booting is the health gate's to judge.
            BuiltInMetric.UnhealthyInstances => $"{sum}(max_over_time({GoldenSignalSeries.Unhealthy}{{{service}}}[{window}]))",
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
        var selector = $"{{{service}}}";
        var seconds = GoldenSignalSeries.ResponseSeconds;
        var buckets = $"sum by ({(byVersion ? "le, version" : "le")}) (rate({seconds}_bucket{selector}[{window}]))";
        return statistic.Kind switch
        {
            AlarmStatisticKind.Percentile => $"histogram_quantile({(statistic.Percentile!.Value / 100).ToString("0.#####", CultureInfo.InvariantCulture)}, {buckets})",
            AlarmStatisticKind.Maximum => $"histogram_quantile(1, {buckets})",
            AlarmStatisticKind.Minimum => $"histogram_quantile(0, {buckets})",
            AlarmStatisticKind.Sum => $"{sum}(increase({seconds}_sum{selector}[{window}]))",
            AlarmStatisticKind.SampleCount => $"{sum}(increase({seconds}_count{selector}[{window}]))",
            _ => $"{sum}(rate({seconds}_sum{selector}[{window}])) / {sum}(rate({seconds}_count{selector}[{window}]))",
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
        return $"{Aggregate(across, byVersion)}({over}({GoldenSignalSeries.ResidentMemory}{{{service}}}[{window}]) / {over}({GoldenSignalSeries.MemoryLimit}{{{service}}}[{window}]))";
    }
}
