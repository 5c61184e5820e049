namespace Cutover.Telemetry.Metrics;

/// <summary>How the measurements of one instrument are combined into the value of a series.</summary>
internal enum Aggregation
{
    /// <summary>Measurements are added (<c>Counter</c>, <c>UpDownCounter</c>).</summary>
    Sum,

    /// <summary>The latest measurement is the value (observable instruments report totals or levels; <c>Gauge</c>).</summary>
    LastValue,

    /// <summary>Measurements fall into fixed buckets, with their count and sum.</summary>
    Histogram,
}
