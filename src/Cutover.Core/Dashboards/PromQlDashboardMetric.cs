namespace Cutover.Core.Dashboards;

/// <summary>
/// A raw PromQL query, for what the built-in metrics do not cover; only the local target (and a Grafana on its
/// Prometheus) can draw it. <c>$version</c> stands for the versions shown, as a regular expression, so write
/// <c>version=~"$version"</c>; <c>$window</c> stands for the rate window. Group by version for one line per version.
/// </summary>
/// <param name="Query">The query; Cutover does not parse it.</param>
public sealed record PromQlDashboardMetric(string Query) : DashboardMetric;
