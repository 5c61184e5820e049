namespace Cutover.SampleService.Metrics;

/// <summary>The metric types this service exposes, as named on the <c># TYPE</c> line.</summary>
internal enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
