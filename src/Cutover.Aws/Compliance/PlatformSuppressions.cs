namespace Cutover.Aws.Compliance;

/// <summary>
/// Reasons for IAM wildcards on APIs without resource-level permissions, shared by the cdk-nag suppressions of
/// <see cref="PlatformNagSuppressions"/>. The rule pack has no wildcard rule since cdk-nag's AwsSolutions-IAM5 checks it
/// (issue 14), so the platform needs no suppression of its own rules.
/// </summary>
internal static class PlatformSuppressions
{
    public const string EcrLogin =
        "ecr:GetAuthorizationToken has no resource-level permissions (IAM service authorization reference); image pulls and pushes are limited to the service's repository.";

    public const string XRay =
        "X-Ray's PutTraceSegments, PutTelemetryRecords and sampling APIs have no resource-level permissions; the ADOT sidecar needs them to send traces.";

    public const string PutMetricData =
        "cloudwatch:PutMetricData has no resource-level permissions; the statement is limited to one namespace by the cloudwatch:namespace condition.";

    public const string TaskDefinitions =
        "ecs:RegisterTaskDefinition and ecs:DescribeTaskDefinition have no resource-level permissions; the service update itself is limited to the service's ARNs.";
}
