using Cutover.SampleService.Faults;

namespace Cutover.SampleService.Tests.Faults;

public sealed class ErrorDeciderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(12345)]
    public void ShouldFail_TenThousandDecisions_ShareWithinThreePointsOfRate(int seed)
    {
        var decider = new ErrorDecider(0.2, seed);

        var failures = Enumerable.Range(0, 10_000).Count(_ => decider.ShouldFail());

        (failures / 10_000.0).ShouldBe(0.2, 0.03);
    }

    [Fact]
    public void ShouldFail_Unseeded_ShareWithinThreePointsOfRate()
    {
        var decider = new ErrorDecider(0.5, seed: null);

        (Enumerable.Range(0, 10_000).Count(_ => decider.ShouldFail()) / 10_000.0).ShouldBe(0.5, 0.03);
    }

    [Fact]
    public void ShouldFail_SameSeed_SameSequence()
    {
        var first = new ErrorDecider(0.3, 42);
        var second = new ErrorDecider(0.3, 42);

        Enumerable.Range(0, 500).Select(_ => first.ShouldFail()).ShouldBe(Enumerable.Range(0, 500).Select(_ => second.ShouldFail()));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1000)]
    public void ShouldFail_RateAtExtremes_NeverOrAlways(double rate, int expected) =>
        Enumerable.Range(0, 1000).Count(_ => new ErrorDecider(rate, 7).ShouldFail()).ShouldBe(expected);
}
