using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.Synthetics;
using Cutover.Aws.Alarms;
using Cutover.Aws.Settings;
using Cutover.Core.Alarms;
using Constructs;

namespace Cutover.Aws.Constructs;

internal sealed record ObservabilityProps
{
    public required Deployment Deployment { get; init; }

    public required RegionPlan Region { get; init; }

    public required AlbService Service { get; init; }

    public required IKey Key { get; init; }
}
