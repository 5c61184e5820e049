using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CodeDeploy;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Cutover.Aws.Releases;
using Cutover.Aws.Settings;
using Cutover.Core.Manifest;
using Constructs;

namespace Cutover.Aws.Constructs;

internal sealed record ReleaseProps
{
    public required Deployment Deployment { get; init; }

    public required RegionPlan Region { get; init; }

    public required AlbService Service { get; init; }

    public required IReadOnlyList<IAlarm> RollbackAlarms { get; init; }

    public required IReadOnlyList<string> RollbackAlarmNames { get; init; }

    public HookRunner? HookRunner { get; init; }
}
