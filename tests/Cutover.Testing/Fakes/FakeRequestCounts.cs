using Cutover.Core.Guard;

namespace Cutover.Testing.Fakes;

/// <summary>
/// Load-balancer counters for the fail-fast guard, for unit tests: every read adds <see cref="RequestsPerRead"/> requests
/// split by the router's current weights, and each version's share of them fails at the rate set for it. Deterministic:
/// errors are the share rounded down, with the remainder carried to the next read.
/// </summary>
public sealed class FakeRequestCounts(FakeTrafficRouter router) : IRequestCountsSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ErrorCounts> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _carried = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _errorRates = new(StringComparer.Ordinal);

    public int RequestsPerRead { get; set; } = 200;

    public int Reads { get; private set; }

    /// <summary>The share of <paramref name="version"/>'s requests that fail from now on (instance ids start with "version-").</summary>
    public void SetErrorRate(string version, double rate)
    {
        lock (_gate)
        {
            _errorRates[version] = rate;
        }
    }

    public Task<IReadOnlyDictionary<string, ErrorCounts>> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            var weights = router.Weights;
            var total = weights.Values.Sum();
            foreach (var (id, weight) in weights)
            {
                var requests = total == 0 ? 0 : RequestsPerRead * weight / total;
                var rate = _errorRates.FirstOrDefault(r => id.StartsWith(r.Key + "-", StringComparison.Ordinal)).Value;
                var expected = requests * rate + _carried.GetValueOrDefault(id);
                var errors = (long)Math.Floor(expected);
                _carried[id] = expected - errors;
                _totals[id] = _totals.GetValueOrDefault(id) + new ErrorCounts(requests, errors);
            }

            return Task.FromResult<IReadOnlyDictionary<string, ErrorCounts>>(new Dictionary<string, ErrorCounts>(_totals, StringComparer.Ordinal));
        }
    }
}
