namespace Cutover.Local.Logs;

/// <summary>What a metric filter added to one version's metric in one second (by the lines' own timestamps).</summary>
public sealed record LogMetricCount(string Metric, string Version, long UnixSecond, double Value);
