using Cutover.Aws.Stacks;

namespace Cutover.Aws.Compliance;

/// <summary>
/// The platform's own accepted exceptions to the rule pack, each narrowed to the IAM actions it is about and with the
/// reason it is safe. Anything not listed here fails the synthesis.
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

    public static void Apply(EnvironmentStacks environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var stack in new[] { environment.PrimaryService, environment.SecondaryService })
        {
            ComplianceSuppressions.Add(stack.Service.ExecutionRole, "CUT-IAM-1", EcrLogin, "ecr:GetAuthorizationToken");
            ComplianceSuppressions.Add(stack.Service.TaskRole, "CUT-IAM-1", XRay, "xray:PutTraceSegments");
            ComplianceSuppressions.Add(stack.Service.TaskRole, "CUT-IAM-1", PutMetricData, "cloudwatch:PutMetricData");
            ComplianceSuppressions.Add(stack.Observability, "CUT-IAM-1", PutMetricData, "cloudwatch:PutMetricData");
            if (stack.Hooks is { } hooks)
            {
                ComplianceSuppressions.Add(hooks.TaskDefinition, "CUT-IAM-1", EcrLogin, "ecr:GetAuthorizationToken");
            }
        }

        if (environment.PrimarySecurity.GitHub is { } github)
        {
            ComplianceSuppressions.Add(github.Role, "CUT-IAM-1", EcrLogin, "ecr:GetAuthorizationToken");
            ComplianceSuppressions.Add(github.Role, "CUT-IAM-1", TaskDefinitions, "ecs:RegisterTaskDefinition");
        }

        if (environment.Pipeline is { } pipeline)
        {
            ComplianceSuppressions.Add(pipeline.Pipeline.Build.Role, "CUT-IAM-1", EcrLogin, "ecr:GetAuthorizationToken");
        }
    }
}
