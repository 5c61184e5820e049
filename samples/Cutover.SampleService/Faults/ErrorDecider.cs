namespace Cutover.SampleService.Faults;

/// <summary>
/// Decides which <c>/</c> requests the error-rate fault answers with 500: each request independently with probability
/// equal to the rate, so over many requests the 500 share converges on it. Seeded, the sequence is reproducible.
/// </summary>
internal sealed class ErrorDecider
{
    private readonly double _rate;
    private readonly Random? _seeded;
    private readonly Lock _gate = new();

    public ErrorDecider(double rate, int? seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        _rate = rate;
        _seeded = seed is { } s ? new Random(s) : null;
    }

    public bool ShouldFail()
    {
        if (_rate <= 0)
        {
            return false;
        }

        if (_rate >= 1)
        {
            return true;
        }

        // Fault injection, not security. Random.Shared is thread-safe; a seeded Random is not, hence the lock.
        if (_seeded is null)
        {
            return Random.Shared.NextDouble() < _rate;
        }

        lock (_gate)
        {
            return _seeded.NextDouble() < _rate;
        }
    }
}
