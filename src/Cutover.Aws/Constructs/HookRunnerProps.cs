using System.Reflection;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

internal sealed record HookRunnerProps
{
    public required Deployment Deployment { get; init; }

    public required ContainerImage Image { get; init; }

    public required ICluster Cluster { get; init; }

    public required string ClusterName { get; init; }

    public required string RegionShortName { get; init; }

    public required ISelectedSubnets Subnets { get; init; }

    public required ISecurityGroup SecurityGroup { get; init; }

    public required string TestUrl { get; init; }

    public required IKey Key { get; init; }

    public required Amazon.CDK.AWS.Logs.ILogGroup LogGroup { get; init; }
}
