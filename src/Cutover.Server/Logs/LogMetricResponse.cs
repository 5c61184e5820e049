namespace Cutover.Server.Logs;

/// <summary>Answer to <c>GET /api/v1/logs/metrics/{metric}</c>: what the metric filters counted for one version in a time range.</summary>
public sealed record LogMetricResponse(string Metric, string Version, DateTimeOffset From, DateTimeOffset Until, double Value);
