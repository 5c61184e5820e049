namespace Cutover.Core.Routing;

/// <summary>Turns "p percent of traffic to the new version" into per-instance load-balancer weights.</summary>
public static class TrafficWeights
{
    /// <summary>Largest weight a load balancer slot takes (HAProxy: 256).</summary>
    public const int MaxWeight = 256;

    /// <summary>
    /// Weights such that the new instances' share of the total is <paramref name="newPercent"/> as closely as integers allow:
    /// each new instance gets p × stableCount, each stable one (100 − p) × newCount, scaled down to fit <see cref="MaxWeight"/>.
    /// A non-zero share never rounds down to 0.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Compute(IReadOnlyList<string> stableIds, IReadOnlyList<string> newIds, int newPercent)
    {
        ArgumentNullException.ThrowIfNull(stableIds);
        ArgumentNullException.ThrowIfNull(newIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(newPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newPercent, 100);

        var percent = newIds.Count == 0 ? 0 : stableIds.Count == 0 ? 100 : newPercent;
        var newWeight = (double)percent * Math.Max(stableIds.Count, 1);
        var stableWeight = (double)(100 - percent) * Math.Max(newIds.Count, 1);
        var scale = Math.Min(1.0, MaxWeight / Math.Max(newWeight, stableWeight));

        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in stableIds)
        {
            weights[id] = Scale(stableWeight, scale);
        }

        foreach (var id in newIds)
        {
            weights[id] = Scale(newWeight, scale);
        }

        return weights;
    }

    private static int Scale(double weight, double scale) => weight <= 0 ? 0 : Math.Max(1, (int)Math.Round(weight * scale));
}
