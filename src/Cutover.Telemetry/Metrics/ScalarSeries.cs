namespace Cutover.Telemetry.Metrics;

/// <summary>One series of a counter or gauge: a single value, added to or replaced without locks.</summary>
internal sealed class ScalarSeries
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Add(double amount)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + amount, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Interlocked.Exchange(ref _value, value);
}
