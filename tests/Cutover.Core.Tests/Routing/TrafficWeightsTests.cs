using Cutover.Core.Routing;

namespace Cutover.Core.Tests.Routing;

public sealed class TrafficWeightsTests
{
    [Fact]
    public void Compute_EveryPercentAndGroupSizeUpToEight_CanaryShareWithinOnePointWhereWeightsAllowIt()
    {
        var failures = new List<string>();
        var unreachable = new List<string>();
        for (var stableCount = 1; stableCount <= 8; stableCount++)
        {
            for (var canaryCount = 1; canaryCount <= 8; canaryCount++)
            {
                var stable = Ids("stable", stableCount);
                var canary = Ids("canary", canaryCount);
                for (var percent = 0; percent <= 100; percent++)
                {
                    var weights = TrafficWeights.Compute(stable, canary, percent);
                    var stableWeight = weights[stable[0]];
                    var canaryWeight = weights[canary[0]];
                    var share = TrafficWeights.CanaryShare(stableCount, stableWeight, canaryCount, canaryWeight);

                    // With every weight in 1-256 the canary share of a 1-99 % split lies between these bounds.
                    var lowest = TrafficWeights.CanaryShare(stableCount, 256, canaryCount, 1);
                    var highest = TrafficWeights.CanaryShare(stableCount, 1, canaryCount, 256);
                    var reachable = percent is 0 or 100 || (percent >= lowest - 1 && percent <= highest + 1);
                    var closest = reachable ? percent : Math.Clamp(percent, lowest, highest);
                    var wellFormed = weights.Count == stableCount + canaryCount
                        && stable.All(id => weights[id] == stableWeight)
                        && canary.All(id => weights[id] == canaryWeight)
                        && weights.Values.All(weight => weight is >= 0 and <= 256)
                        && Math.Abs(share - closest) <= (reachable ? 1.0 : 1e-9)
                        && (percent == 0) == (canaryWeight == 0)
                        && (percent == 100) == (stableWeight == 0);
                    if (!wellFormed)
                    {
                        failures.Add($"p={percent} stable={stableCount}x{stableWeight} canary={canaryCount}x{canaryWeight} share={share:0.##}");
                    }

                    if (!reachable)
                    {
                        unreachable.Add($"p={percent} stable={stableCount} canary={canaryCount}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();

        // Only extreme splits with many more instances on the small side than on the large side cannot be met:
        // e.g. 1 % to 6 canaries beside 1 stable instance needs a stable weight above 256.
        unreachable.Count.ShouldBe(8, string.Join("; ", unreachable));
    }

    [Theory]
    [InlineData(10, 1, 1, 9, 1)]
    [InlineData(50, 1, 1, 1, 1)]
    [InlineData(20, 3, 2, 8, 3)]
    public void Compute_SmallestExactRatioFits_ReturnsIt(int percent, int stableCount, int canaryCount, int expectedStable, int expectedCanary)
    {
        var weights = TrafficWeights.Compute(Ids("s", stableCount), Ids("c", canaryCount), percent);

        weights["s0"].ShouldBe(expectedStable);
        weights["c0"].ShouldBe(expectedCanary);
    }

    [Fact]
    public void Compute_OnePercentToOneCanaryAmongEightStable_NeverRoundsCanaryToZero()
    {
        var weights = TrafficWeights.Compute(Ids("s", 8), Ids("c", 7), 1);

        weights["c0"].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Compute_NoCanaries_StableTakesAllTraffic()
    {
        var weights = TrafficWeights.Compute(["a", "b"], [], 30);

        weights.ShouldBe(new Dictionary<string, int> { ["a"] = 100, ["b"] = 100 });
    }

    [Fact]
    public void Compute_NoStable_CanaryTakesAllTraffic()
    {
        var weights = TrafficWeights.Compute([], ["c"], 0);

        weights.ShouldBe(new Dictionary<string, int> { ["c"] = 100 });
    }

    [Fact]
    public void Compute_IdInBothGroups_Throws()
    {
        Should.Throw<ArgumentException>(() => TrafficWeights.Compute(["a"], ["a"], 10)).Message.ShouldContain("a");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Compute_PercentOutOfRange_Throws(int percent)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TrafficWeights.Compute(["a"], ["b"], percent));
    }

    private static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i}")];
}
