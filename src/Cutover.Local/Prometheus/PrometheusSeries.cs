namespace Cutover.Local.Prometheus;

/// <summary>One series of a range vector (matrix): its labels and its points, oldest first.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PrometheusPoint> Points);
