using Cutover.Aws.Releases;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Releases;

public sealed class ReleasePlanTests
{
    [Fact]
    public void For_DefaultCanary_KeepsTheFirstStepAndReportsTheRest()
    {
        var plan = ReleasePlan.For(new ReleaseSpec());

        plan.EcsStrategy.ShouldBe("CANARY");
        plan.CanaryPercent.ShouldBe(5);
        plan.CanaryMinutes.ShouldBe(1);
        plan.DroppedCanarySteps.ShouldBe([10, 25, 50]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    public void Minutes_Time_RoundsUp(int seconds, int expected)
    {
        ReleasePlan.Minutes(TimeSpan.FromSeconds(seconds), minimum: 0).ShouldBe(expected);
    }

    [Fact]
    public void For_Linear_UsesTheStepAndIntervalWithEcsFloorOfThreePercent()
    {
        var plan = ReleasePlan.For(new ReleaseSpec { Strategy = ReleaseStrategyKind.Linear, Linear = new LinearSpec { StepPercent = 1, Interval = TimeSpan.FromMinutes(3) } });

        plan.EcsStrategy.ShouldBe("LINEAR");
        plan.LinearPercent.ShouldBe(3);
        plan.LinearMinutes.ShouldBe(3);
    }

    [Fact]
    public void For_BlueGreen_BakesForTheManifestsBakeTime()
    {
        var plan = ReleasePlan.For(new ReleaseSpec { Strategy = ReleaseStrategyKind.BlueGreen, BakeTime = TimeSpan.FromMinutes(15) });

        plan.EcsStrategy.ShouldBe("BLUE_GREEN");
        plan.BakeMinutes.ShouldBe(15);
    }
}
