namespace Cutover.Local.Logs;

/// <summary>The values of one group for the <c>pct</c> aggregate, and their nearest-rank percentile.</summary>
internal sealed class PercentileState(double percentile)
{
    public List<double> Values { get; } = [];

    public double? Result()
    {
        if (Values.Count == 0)
        {
            return null;
        }

        Values.Sort();
        var rank = (int)Math.Ceiling(percentile / 100 * Values.Count);
        return Values[Math.Clamp(rank - 1, 0, Values.Count - 1)];
    }
}
