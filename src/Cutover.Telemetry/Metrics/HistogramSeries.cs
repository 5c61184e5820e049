namespace Cutover.Telemetry.Metrics;

/// <summary>
/// One series of a histogram. Buckets are stored non-cumulative (one <see cref="Interlocked.Increment(ref long)"/> per
/// observation) and summed when scraped; the count is derived from the buckets, so <c>_count</c> always equals the
/// <c>+Inf</c> bucket even while observations race with a scrape.
/// </summary>
internal sealed class HistogramSeries
{
    private readonly double[] _upperBounds;
    private readonly long[] _buckets;
    private double _sum;

    /// <param name="upperBounds">Finite, strictly increasing; an implicit <c>+Inf</c> bucket follows them.</param>
    public HistogramSeries(double[] upperBounds)
    {
        _upperBounds = upperBounds;
        _buckets = new long[upperBounds.Length + 1];
    }

    public void Observe(double value)
    {
        // Prometheus buckets are "less than or equal": a value on a bound belongs to that bound's bucket.
        var bucket = Array.BinarySearch(_upperBounds, value);
        if (bucket < 0)
        {
            bucket = ~bucket;
        }

        Interlocked.Increment(ref _buckets[bucket]);
        var current = Volatile.Read(ref _sum);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _sum, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Cumulative bucket counts (the last is <c>+Inf</c>, which is also the count) and the sum.</summary>
    public (long[] Cumulative, double Sum) Snapshot()
    {
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            cumulative[i] = running;
        }

        return (cumulative, Volatile.Read(ref _sum));
    }
}
