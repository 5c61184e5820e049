namespace Cutover.Telemetry.Metrics;

/// <summary>The metric types this exporter writes, as named on the <c># TYPE</c> line.</summary>
internal enum PrometheusType
{
    Counter,
    Gauge,
    Histogram,
}
