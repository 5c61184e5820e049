using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// A VPC over the region's pinned availability zones with public (load balancer), private (tasks, with NAT) and isolated
/// (database) subnets, VPC endpoints so tasks reach ECR, S3, CloudWatch Logs and Secrets Manager without the NAT, and
/// flow logs of all traffic to an encrypted log group.
/// </summary>
internal sealed class Network : Construct
{
    public const string PublicSubnets = "public";
    public const string AppSubnets = "app";
    public const string DataSubnets = "data";

    public Network(Construct scope, string id, Deployment deployment, RegionPlan region, IKey key)
        : base(scope, id)
    {
        var settings = deployment.Settings;
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            VpcName = $"{deployment.Prefix}-{region.ShortName}",
            IpAddresses = IpAddresses.Cidr(region.Cidr),
            AvailabilityZones = [.. region.AvailabilityZones],
            NatGateways = settings.NatGateways,
            // CDK's default-SG restriction is a Lambda-backed custom resource; the default group is left unused instead.
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration =
            [
                // Nothing in the public subnets needs an automatic public address: the ALB and NAT gateways get theirs.
                new SubnetConfiguration { Name = PublicSubnets, SubnetType = SubnetType.PUBLIC, CidrMask = 24, MapPublicIpOnLaunch = false },
                new SubnetConfiguration { Name = AppSubnets, SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = DataSubnets, SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });

        UnpinZoneNames(region);

        var removal = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        FlowLogGroup = LogGroups.Create(this, "FlowLogs", $"/cutover/{deployment.Prefix}/vpc-flow-logs", key, settings.LogRetentionDays, removal);
        Vpc.AddFlowLog("FlowLog", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(FlowLogGroup),
            TrafficType = FlowLogTrafficType.ALL,
        });

        Vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        var endpointSubnets = new SubnetSelection { SubnetGroupName = AppSubnets };
        foreach (var (name, service) in new[]
        {
            ("EcrApi", InterfaceVpcEndpointAwsService.ECR),
            ("EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER),
            ("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
            ("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER),
        })
        {
            Vpc.AddInterfaceEndpoint(name, new InterfaceVpcEndpointOptions { Service = service, Subnets = endpointSubnets, PrivateDnsEnabled = true });
        }

        AppSubnetCidrs = Vpc.SelectSubnets(endpointSubnets).Subnets.Select(s => s.Ipv4CidrBlock).ToList();
        DataSubnetCidrs = Vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = DataSubnets }).Subnets.Select(s => s.Ipv4CidrBlock).ToList();
    }

    public Vpc Vpc { get; }

    public Amazon.CDK.AWS.Logs.LogGroup FlowLogGroup { get; }

    /// <summary>The private (task) subnets' CIDR blocks: computed by the CDK at synthesis, so the other region can use them.</summary>
    public IReadOnlyList<string> AppSubnetCidrs { get; }

    /// <summary>The isolated (database) subnets' CIDR blocks.</summary>
    public IReadOnlyList<string> DataSubnetCidrs { get; }

    /// <summary>
    /// The zones stay pinned in context, so synthesis never calls AWS, but the subnets name them as
    /// <c>Fn::Select [i, Fn::GetAZs ""]</c>, not as literal names: a zone name maps to a different zone in each account
    /// and some accounts cannot use every name (CloudFormation Validate W3010, issue 14). The i-th pinned zone is the
    /// i-th zone of the account, in the same order.
    /// </summary>
    private void UnpinZoneNames(RegionPlan region)
    {
        var zones = region.AvailabilityZones.ToList();
        foreach (var subnet in Vpc.PublicSubnets.Concat(Vpc.PrivateSubnets).Concat(Vpc.IsolatedSubnets))
        {
            var index = zones.IndexOf(subnet.AvailabilityZone);
            if (index >= 0 && subnet.Node.DefaultChild is CfnSubnet cfn)
            {
                cfn.AvailabilityZone = Fn.Select(index, Fn.GetAzs());
            }
        }
    }
}
