using Amazon.CDK.AWS.CloudWatch;
using Cutover.Core.Alarms;

namespace Cutover.Aws.Alarms;

/// <summary>One CloudWatch alarm compiled from a manifest alarm, for one target group or for the whole service.</summary>
/// <param name="Name">The CloudWatch alarm name: <c>{service}-{env}-{rule}</c>, plus <c>-blue</c>/<c>-green</c> per target group.</param>
/// <param name="Spec">The manifest alarm it came from.</param>
/// <param name="Metric">A metric or a metric-math expression, with the CloudWatch period.</param>
/// <param name="Threshold">In the CloudWatch metric's unit (percent for error rate and memory).</param>
/// <param name="TargetGroup">The target group it judges, or null for service-wide metrics.</param>
public sealed record CompiledAlarm(string Name, AlarmSpec Spec, IMetric Metric, double Threshold, string? TargetGroup)
{
    public ComparisonOperator ComparisonOperator => Spec.Comparison switch
    {
        AlarmComparison.GreaterThanThreshold => ComparisonOperator.GREATER_THAN_THRESHOLD,
        AlarmComparison.GreaterThanOrEqualToThreshold => ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        AlarmComparison.LessThanThreshold => ComparisonOperator.LESS_THAN_THRESHOLD,
        AlarmComparison.LessThanOrEqualToThreshold => ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
        _ => throw new InvalidOperationException($"alarm {Spec.Name}: {Spec.Comparison} has no static CloudWatch comparison (the manifest loader refuses band alarms)"),
    };

    public Amazon.CDK.AWS.CloudWatch.TreatMissingData TreatMissingData => Spec.TreatMissingData switch
    {
        Core.Alarms.TreatMissingData.Missing => Amazon.CDK.AWS.CloudWatch.TreatMissingData.MISSING,
        Core.Alarms.TreatMissingData.NotBreaching => Amazon.CDK.AWS.CloudWatch.TreatMissingData.NOT_BREACHING,
        Core.Alarms.TreatMissingData.Breaching => Amazon.CDK.AWS.CloudWatch.TreatMissingData.BREACHING,
        _ => Amazon.CDK.AWS.CloudWatch.TreatMissingData.IGNORE,
    };
}
