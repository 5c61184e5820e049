using Cutover.Core.Guard;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Cutover.Core.Tests.Guard;

public sealed class ErrorShareTestTests(ITestOutputHelper output)
{
    // A canary at 4,000 requests per second, looked at every 250 ms: 8 looks at each of the steps 5, 10, 25 and 50%.
    // (MathNet's binomial sampler draws every request, so this is what 10,000 canaries can afford.)
    private const int RequestsPerLook = 1_000;
    private const int LooksPerStep = 8;
    private static readonly double[] Steps = [0.05, 0.10, 0.25, 0.50];

    [Fact]
    public void Observe_TenThousandGoodCanaries_RollsBackAtMostTheFalseAlarmRateOfThem()
    {
        // α = 1% so the bound (100 of 10,000) is large enough that a broken test would exceed it; no minimum difference,
        // so the statistic alone is judged.
        var spec = new FailFastGuardSpec { FalseAlarmRate = 0.01, MinimumDifference = 0 };
        var random = new Random(20261203);
        double[] errorRates = [0, 0.001, 0.005, 0.02, 0.10];
        var rolledBack = 0;
        const int canaries = 10_000;
        for (var i = 0; i < canaries; i++)
        {
            var rate = errorRates[i % errorRates.Length];
            rolledBack += Simulate(spec, random, canaryRate: rate, baselineRate: rate) is not null ? 1 : 0;
        }

        output.WriteLine($"{rolledBack} of {canaries} good canaries rolled back (bound {spec.FalseAlarmRate * canaries})");
        rolledBack.ShouldBeLessThanOrEqualTo((int)(spec.FalseAlarmRate * canaries));
    }

    [Fact]
    public void Observe_CanaryAtOnePointFiveAgainstHalfAPercent_IsCaughtInNineteenOfTwentyWithTheDefaults()
    {
        var spec = new FailFastGuardSpec();
        var random = new Random(20261204);
        var looks = new List<int>();
        const int canaries = 1_000;
        for (var i = 0; i < canaries; i++)
        {
            if (Simulate(spec, random, canaryRate: 0.015, baselineRate: 0.005) is { } look)
            {
                looks.Add(look);
            }
        }

        looks.Sort();
        output.WriteLine($"{looks.Count} of {canaries} caught; median at look {(looks.Count > 0 ? looks[looks.Count / 2] : -1)} of {Steps.Length * LooksPerStep}");
        looks.Count.ShouldBeGreaterThanOrEqualTo(canaries * 95 / 100);
    }

    [Fact]
    public void Observe_TwentyPercentErrorsAtAFivePercentStep_IsJudgedWorseAtTheFirstLook()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        var observation = test.Observe(new ErrorCounts(125, 25), new ErrorCounts(2_375, 2));

        observation.Verdict.ShouldBe(GuardVerdict.CanaryWorse);
        observation.LogLikelihoodRatio.ShouldBeGreaterThan(observation.Threshold);
        observation.Describe().ShouldBe("canary 25/125 errors (20.00%), baseline 2/2375 (0.08%), log-likelihood ratio 24.91 of 6.91");
    }

    [Fact]
    public void Observe_NoTraffic_IsNoEvidenceAndNeverAPass()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        for (var i = 0; i < 1_000; i++)
        {
            test.Observe(default, default);
        }

        test.Observation.Verdict.ShouldBe(GuardVerdict.NoEvidence);
        test.Observation.LogLikelihoodRatio.ShouldBe(0);
    }

    [Fact]
    public void Observe_OnlyOneSideHasTraffic_CarriesNoComparison()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        test.Observe(new ErrorCounts(100, 50), default);
        var observation = test.Observe(default, new ErrorCounts(100, 50));

        observation.Verdict.ShouldBe(GuardVerdict.NoEvidence);
        observation.Canary.ShouldBe(new ErrorCounts(100, 50));
    }

    [Fact]
    public void Observe_CanaryBetterThanTheBaseline_IsNeverJudgedWorse()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        for (var i = 0; i < 1_000; i++)
        {
            test.Observe(new ErrorCounts(250, 1), new ErrorCounts(2_250, 45));
        }

        test.Observation.Verdict.ShouldBe(GuardVerdict.Watching);
        test.Observation.LogLikelihoodRatio.ShouldBeLessThan(0);
    }

    [Fact]
    public void Observe_AHandfulOfErrorsAgainstNoneBelowTheMinimumDifference_IsLeftToTheAlarms()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        var observation = test.Observe(new ErrorCounts(2_500, 10), new ErrorCounts(47_500, 0));

        observation.LogLikelihoodRatio.ShouldBeGreaterThan(observation.Threshold, "the statistic alone would roll back");
        observation.Verdict.ShouldBe(GuardVerdict.Watching);
    }

    [Fact]
    public void Observe_OnceWorse_StaysWorse()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());
        test.Observe(new ErrorCounts(125, 25), new ErrorCounts(2_375, 0));

        var observation = test.Observe(new ErrorCounts(10_000, 0), new ErrorCounts(10_000, 500));

        observation.Verdict.ShouldBe(GuardVerdict.CanaryWorse);
    }

    [Fact]
    public void Observe_MoreErrorsThanRequests_Throws()
    {
        var test = new ErrorShareTest(new FailFastGuardSpec());

        Should.Throw<ArgumentOutOfRangeException>(() => test.Observe(new ErrorCounts(1, 2), default));
    }

    // Runs one canary through the steps; the look (1-based) at which the guard judged it worse, or null.
    private static int? Simulate(FailFastGuardSpec spec, Random random, double canaryRate, double baselineRate)
    {
        var test = new ErrorShareTest(spec);
        var look = 0;
        foreach (var share in Steps)
        {
            var canaryRequests = (int)(RequestsPerLook * share);
            var baselineRequests = RequestsPerLook - canaryRequests;
            for (var i = 0; i < LooksPerStep; i++)
            {
                look++;
                var canary = new ErrorCounts(canaryRequests, Binomial.Sample(random, canaryRate, canaryRequests));
                var baseline = new ErrorCounts(baselineRequests, Binomial.Sample(random, baselineRate, baselineRequests));
                if (test.Observe(canary, baseline).Verdict == GuardVerdict.CanaryWorse)
                {
                    return look;
                }
            }
        }

        return null;
    }
}
