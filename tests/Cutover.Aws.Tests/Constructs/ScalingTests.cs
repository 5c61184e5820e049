using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ScalingTests
{
    private static Template Primary => SynthesizedPlatform.Prod.Template(Service("prod", "use1"));

    [Fact]
    public void Capacity_Prod_ScalesBetweenTwoAndTwenty()
    {
        Primary.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["MinCapacity"] = 2,
            ["MaxCapacity"] = 20,
            ["ScheduledActions"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["ScalableTargetAction"] = new Dictionary<string, object> { ["MinCapacity"] = 4 } }) }),
        });
    }

    [Theory]
    [InlineData("ECSServiceAverageCPUUtilization", 70)]
    [InlineData("ECSServiceAverageMemoryUtilization", 80)]
    [InlineData("ALBRequestCountPerTarget", 1000)]
    public void TargetTracking_Always_TracksTheMetricAtItsTarget(string metric, double target)
    {
        Primary.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["PredefinedMetricSpecification"] = Match.ObjectLike(new Dictionary<string, object> { ["PredefinedMetricType"] = metric }),
                ["TargetValue"] = target,
            }),
        });
    }

    [Fact]
    public void StepScaling_CpuSpikes_AddTasksInSteps()
    {
        Primary.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["PolicyType"] = "StepScaling",
            ["StepScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["AdjustmentType"] = "ChangeInCapacity" }),
        });
    }

    [Fact]
    public void Capacity_Dev_ScalesBetweenOneAndFour()
    {
        SynthesizedPlatform.Dev.Template(Service("dev", "use1")).HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 4,
        });
    }
}
