using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECS;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// Task autoscaling within the environment's bounds: target tracking on CPU (70%), memory (80%) and requests per target
/// (on both target groups: the idle one always votes to scale in, and Application Auto Scaling scales in only when every
/// policy agrees, so the live group decides), a step policy for CPU spikes, and a business-hours minimum.
/// </summary>
internal sealed class Scaling : Construct
{
    public const double CpuTarget = 70;
    public const double MemoryTarget = 80;

    public Scaling(Construct scope, string id, Deployment deployment, AlbService service)
        : base(scope, id)
    {
        var settings = deployment.Settings;
        Capacity = service.Service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = settings.MinCapacity, MaxCapacity = settings.MaxCapacity });
        Capacity.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = CpuTarget, ScaleOutCooldown = Duration.Seconds(60), ScaleInCooldown = Duration.Seconds(300) });
        Capacity.ScaleOnMemoryUtilization("Memory", new MemoryUtilizationScalingProps { TargetUtilizationPercent = MemoryTarget, ScaleOutCooldown = Duration.Seconds(60), ScaleInCooldown = Duration.Seconds(300) });
        foreach (var (name, group) in new[] { ("Blue", service.BlueTargetGroup), ("Green", service.GreenTargetGroup) })
        {
            Capacity.ScaleOnRequestCount($"Requests{name}", new RequestCountScalingProps { TargetGroup = group, RequestsPerTarget = 1000, ScaleInCooldown = Duration.Seconds(300) });
        }

        Capacity.ScaleOnMetric("CpuSteps", new BasicStepScalingPolicyProps
        {
            Metric = service.Service.MetricCpuUtilization(new Amazon.CDK.AWS.CloudWatch.MetricOptions { Period = Duration.Minutes(1) }),
            AdjustmentType = AdjustmentType.CHANGE_IN_CAPACITY,
            ScalingSteps =
            [
                new ScalingInterval { Upper = 20, Change = -1 },
                new ScalingInterval { Lower = 85, Change = 2 },
                new ScalingInterval { Lower = 95, Change = 4 },
            ],
            Cooldown = Duration.Seconds(120),
        });

        Capacity.ScaleOnSchedule("BusinessHours", new ScalingSchedule
        {
            Schedule = Schedule.Cron(new CronOptions { Hour = "7", Minute = "0", WeekDay = "MON-FRI" }),
            MinCapacity = settings.BusinessHoursMinCapacity,
        });
        Capacity.ScaleOnSchedule("Night", new ScalingSchedule
        {
            Schedule = Schedule.Cron(new CronOptions { Hour = "20", Minute = "0", WeekDay = "MON-FRI" }),
            MinCapacity = settings.MinCapacity,
        });
    }

    public ScalableTaskCount Capacity { get; }
}
