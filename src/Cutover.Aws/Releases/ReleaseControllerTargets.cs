namespace Cutover.Aws.Releases;

/// <summary>
/// The AWS resources the Step Functions release controller acts on: ARNs and names, as CDK tokens when synthesized and as
/// plain strings when a test executes the definition.
/// </summary>
public sealed record ReleaseControllerTargets
{
    public required string Cluster { get; init; }

    public required string Service { get; init; }

    public required string BlueTargetGroup { get; init; }

    public required string GreenTargetGroup { get; init; }

    /// <summary>The production listener's weighted rule, whose weights the controller moves.</summary>
    public required string ProductionRule { get; init; }

    public required IReadOnlyList<string> Subnets { get; init; }

    public required string SecurityGroup { get; init; }

    public required int ContainerPort { get; init; }

    /// <summary>Tasks the new side needs healthy in its target group before any traffic.</summary>
    public required int DesiredCount { get; init; }

    public required IReadOnlyList<string> RollbackAlarms { get; init; }

    /// <summary>The pre-traffic hooks' task definition (the service's image, container <c>hook</c>); null without hooks.</summary>
    public string? HookTaskDefinition { get; init; }

    public required string TestUrl { get; init; }

    /// <summary>The SNS topic an approval request (with its task token) is published to.</summary>
    public required string ApprovalTopic { get; init; }

    /// <summary>The EventBridge bus the transitions go to; a rule copies them to CloudWatch Logs.</summary>
    public required string EventBus { get; init; }

    public required string EventSource { get; init; }
}
