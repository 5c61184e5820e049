namespace Cutover.Local.Prometheus;

/// <summary>One point of a range-vector series.</summary>
public sealed record PrometheusPoint(DateTimeOffset Timestamp, double Value);
