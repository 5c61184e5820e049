using Amazon.CDK.AWS.KMS;
using Cutover.Aws.Settings;

namespace Cutover.Aws.Constructs;

internal sealed record DeliveryPipelineProps
{
    /// <summary>The production deployment, whose account and primary region hold the pipeline.</summary>
    public required Deployment Deployment { get; init; }

    public required PipelinePlan Plan { get; init; }

    /// <summary>The stack's key: artifacts, logs and the approval topic are encrypted with it.</summary>
    public required IKey Key { get; init; }
}
