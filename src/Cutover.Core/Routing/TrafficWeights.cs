namespace Cutover.Core.Routing;

/// <summary>Turns "p percent to the new version" into per-instance load-balancer weights (0-256, as HAProxy takes).</summary>
public static class TrafficWeights
{
    /// <summary>Weight given to every instance of a group that takes all traffic (p = 0 or 100, or the other group is empty).</summary>
    public const int FullWeight = 100;

    /// <summary>Largest weight a load-balancer slot takes (HAProxy: 256).</summary>
    public const int MaxWeight = 256;

    /// <summary>
    /// Per-instance weights such that the canary group's share of the total weight is <paramref name="canaryPercent"/>
    /// as closely as integers 1-256 allow. Exact when the smallest ratio fits: each canary gets p × stableCount, each
    /// stable instance (100 − p) × canaryCount, divided by their greatest common divisor. Otherwise the closest pair
    /// within 256. A non-zero share never rounds to weight 0; p = 0 gives the canaries 0, p = 100 the stable ones.
    /// A group with no instances cannot take a share, so the other group then takes all traffic (weights never all 0).
    /// </summary>
    /// <exception cref="ArgumentException">An id is in both groups or twice in one.</exception>
    public static IReadOnlyDictionary<string, int> Compute(IReadOnlyCollection<string> stableIds, IReadOnlyCollection<string> canaryIds, int canaryPercent)
    {
        ArgumentNullException.ThrowIfNull(stableIds);
        ArgumentNullException.ThrowIfNull(canaryIds);
        ArgumentOutOfRangeException.ThrowIfNegative(canaryPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canaryPercent, 100);
        var all = stableIds.Concat(canaryIds).ToList();
        var repeated = all.GroupBy(id => id, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new ArgumentException($"Each instance must be in exactly one group, once: {string.Join(", ", repeated)}.", nameof(canaryIds));
        }

        var percent = canaryIds.Count == 0 ? 0 : stableIds.Count == 0 ? 100 : canaryPercent;
        var (stableWeight, canaryWeight) = Pair(percent, stableIds.Count, canaryIds.Count);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in stableIds)
        {
            weights[id] = stableWeight;
        }

        foreach (var id in canaryIds)
        {
            weights[id] = canaryWeight;
        }

        return weights;
    }

    /// <summary>The canary group's share of the total weight, in percent.</summary>
    public static double CanaryShare(int stableCount, int stableWeight, int canaryCount, int canaryWeight)
    {
        var canary = (double)canaryCount * canaryWeight;
        var total = canary + ((double)stableCount * stableWeight);
        return total == 0 ? 0 : 100 * canary / total;
    }

    private static (int Stable, int Canary) Pair(int percent, int stableCount, int canaryCount)
    {
        if (percent == 0)
        {
            return (FullWeight, 0);
        }

        if (percent == 100)
        {
            return (0, FullWeight);
        }

        long canary = (long)percent * stableCount;
        long stable = (long)(100 - percent) * canaryCount;
        var divisor = Gcd(canary, stable);
        canary /= divisor;
        stable /= divisor;
        if (Math.Max(canary, stable) <= MaxWeight)
        {
            return ((int)stable, (int)canary);
        }

        // The exact ratio needs weights above 256: take the closest pair, trying each weight of one group with the
        // best match for the other.
        var best = (Stable: 1, Canary: 1);
        var bestError = double.MaxValue;
        var ratio = (double)canary / stable;
        for (var weight = 1; weight <= MaxWeight; weight++)
        {
            Consider(weight, Clamp(Math.Round(weight * ratio)));
            Consider(Clamp(Math.Round(weight / ratio)), weight);
        }

        return best;

        void Consider(int stableWeight, int canaryWeight)
        {
            var error = Math.Abs(CanaryShare(stableCount, stableWeight, canaryCount, canaryWeight) - percent);
            if (error < bestError)
            {
                bestError = error;
                best = (stableWeight, canaryWeight);
            }
        }
    }

    private static int Clamp(double weight) => (int)Math.Clamp(weight, 1, MaxWeight);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
