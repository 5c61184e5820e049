using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;

namespace Cutover.Local.Alarms;

/// <summary>
/// The PromQL that computes one period's value of a metric for one version, evaluated at the period's end over a
/// window of the period's length. Built-in metrics come from <see cref="PromQlBuilder"/>, which the dashboards use too,
/// over the golden signals the control plane measures (<see cref="GoldenSignalSeries"/>).
/// </summary>
public static class PromQlQueries
{
    /// <summary>Windows shorter than two scrapes hold one sample, from which rate() computes nothing.</summary>
    public static readonly TimeSpan MinimumWindow = PromQlBuilder.MinimumWindow;

    /// <summary>
    /// The query, or null for <see cref="BuiltInMetric.Restarts"/>, which the control plane counts itself.
    /// With <paramref name="instanceIds"/>, only those instances count: instances of the same version that were
    /// stopped earlier (an old deployment of a version now rolled back to) must not be judged with the new ones.
    /// </summary>
    public static string? For(BuiltInMetric metric, AlarmStatistic statistic, TimeSpan period, string version, IReadOnlyCollection<string>? instanceIds = null) =>
        PromQlBuilder.ForVersion(metric, statistic, period, version, instanceIds);

    /// <summary>
    /// What a log metric filter counted for the version in the period: the increase of the control plane's counter,
    /// which starts at 0 for every declared version, so a period without matching lines is 0, not missing.
    /// </summary>
    public static string LogMetric(string metricName, TimeSpan period, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        return $"sum(increase(cutover_log_metric_total{{job=\"cutover\",metric=\"{metricName}\",version=\"{version}\"}}[{PromQlBuilder.Window(period)}]))";
    }

    /// <summary>A raw query from the manifest with <c>$version</c> and <c>$window</c> filled in.</summary>
    public static string Expand(string query, TimeSpan period, string version)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Replace("$version", version, StringComparison.Ordinal).Replace("$window", PromQlBuilder.Window(period), StringComparison.Ordinal);
    }
}
