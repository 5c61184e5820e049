namespace Cutover.SampleService.Metrics;

/// <summary>One series of a counter: a single 64-bit value bumped with <see cref="Interlocked"/>.</summary>
internal sealed class CounterSeries
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment(long amount) => Interlocked.Add(ref _value, amount);
}
