using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class NetworkTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    [Fact]
    public void Vpc_Prod_SpansThreeZonesWithANatGatewayEach()
    {
        var template = Prod.Template(Network("prod", "use1"));
        template.ResourceCountIs("AWS::EC2::NatGateway", 3);
        template.ResourceCountIs("AWS::EC2::Subnet", 9);
        template.HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object> { ["CidrBlock"] = "10.10.0.0/16" });
        Prod.Template(Network("prod", "use2")).HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object> { ["CidrBlock"] = "10.20.0.0/16" });
    }

    [Fact]
    public void Vpc_Dev_SpansTwoZonesWithOneNatGateway()
    {
        var template = SynthesizedPlatform.Dev.Template(Network("dev", "use1"));
        template.ResourceCountIs("AWS::EC2::NatGateway", 1);
        template.ResourceCountIs("AWS::EC2::Subnet", 6);
    }

    [Theory]
    [InlineData("ecr.api")]
    [InlineData("ecr.dkr")]
    [InlineData("logs")]
    [InlineData("secretsmanager")]
    [InlineData("s3")]
    public void Vpc_Always_HasAnEndpointFor(string service)
    {
        var endpoints = Prod.Resources(Network("prod", "use1"), "AWS::EC2::VPCEndpoint");
        endpoints.ShouldContain(e => e.Properties["ServiceName"]!.ToJsonString().Contains($".{service}", StringComparison.Ordinal));
    }

    [Fact]
    public void Vpc_Always_SendsAllFlowLogsToAnEncryptedLogGroup()
    {
        var template = Prod.Template(Network("prod", "use2"));
        template.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object>
        {
            ["TrafficType"] = "ALL",
            ["LogDestinationType"] = "cloud-watch-logs",
        });
        template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/cutover/sample-prod/vpc-flow-logs",
            ["KmsKeyId"] = Match.AnyValue(),
            ["RetentionInDays"] = 365,
        });
    }

    [Fact]
    public void Peering_PrimaryRegion_RequestsThePeeringToTheSecondaryRegion()
    {
        Prod.Template(Peering("prod")).HasResourceProperties("AWS::EC2::VPCPeeringConnection", new Dictionary<string, object>
        {
            ["PeerRegion"] = "us-east-2",
            ["PeerOwnerId"] = "111111111111",
        });
    }

    [Fact]
    public void Peering_Routes_GoOnlyToTheOtherRegionsTaskAndDatabaseSubnets()
    {
        // 3 task route tables x 3 peer database subnets + 3 database route tables x 3 peer task subnets, each side.
        var primary = Prod.Resources(Peering("prod"), "AWS::EC2::Route");
        var secondary = Prod.Resources(PeeringRoutes("prod"), "AWS::EC2::Route");
        primary.Count.ShouldBe(18);
        secondary.Count.ShouldBe(18);
        primary.Select(r => r.Properties["DestinationCidrBlock"]!.GetValue<string>()).Distinct().Order()
            .ShouldBe(["10.20.16.0/20", "10.20.32.0/20", "10.20.48.0/20", "10.20.64.0/24", "10.20.65.0/24", "10.20.66.0/24"]);
        secondary.Select(r => r.Properties["DestinationCidrBlock"]!.GetValue<string>()).ShouldAllBe(cidr => cidr.StartsWith("10.10.", StringComparison.Ordinal));
        primary.ShouldAllBe(r => r.Properties["VpcPeeringConnectionId"]!.ToJsonString().Contains("Ref", StringComparison.Ordinal));
        // The secondary side reads the peering's id through CDK's cross-region reference.
        secondary.ShouldAllBe(r => r.Properties["VpcPeeringConnectionId"]!.ToJsonString().Contains("ExportsReader", StringComparison.Ordinal));
    }

    [Fact]
    public void DatabaseProxy_Peering_AdmitsOnlyPostgresFromTheOtherRegionsTaskSubnets()
    {
        var groups = Prod.Resources(Data("prod", "use1"), "AWS::EC2::SecurityGroup")
            .Where(g => g.Properties["GroupDescription"]!.GetValue<string>().StartsWith("RDS Proxy", StringComparison.Ordinal))
            .ToList();
        var ingress = groups.Single().Properties["SecurityGroupIngress"]!.AsArray();
        ingress.Count.ShouldBe(3);
        ingress.ShouldAllBe(rule => rule!["FromPort"]!.GetValue<int>() == 5432 && rule["ToPort"]!.GetValue<int>() == 5432);
        ingress.Select(rule => rule!["CidrIp"]!.GetValue<string>()).Order().ShouldBe(["10.20.16.0/20", "10.20.32.0/20", "10.20.48.0/20"]);
    }
}
