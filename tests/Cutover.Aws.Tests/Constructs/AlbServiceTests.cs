using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class AlbServiceTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    private static Template Primary => Prod.Template(Service("prod", "use1"));

    [Fact]
    public void Listeners_Always_RedirectHttpAndServeProductionAndTestOverHttps()
    {
        Primary.ResourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 3);
        Primary.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Port"] = 80,
            ["Protocol"] = "HTTP",
            ["DefaultActions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "redirect", ["RedirectConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["Protocol"] = "HTTPS", ["Port"] = "443" }) }) },
        });
        foreach (var port in new[] { 443, 8443 })
        {
            Primary.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
            {
                ["Port"] = port,
                ["Protocol"] = "HTTPS",
                ["Certificates"] = Match.AnyValue(),
            });
        }

        Primary.HasResourceProperties("AWS::CertificateManager::Certificate", new Dictionary<string, object>
        {
            ["DomainName"] = "sample.example.com",
            ["ValidationMethod"] = "DNS",
        });
    }

    [Fact]
    public void TargetGroups_BlueAndGreen_CheckTheManifestsReadinessPath()
    {
        var groups = Prod.Resources(Service("prod", "use1"), "AWS::ElasticLoadBalancingV2::TargetGroup");
        groups.Select(g => g.Properties["Name"]!.GetValue<string>()).Order().ShouldBe(["sample-prod-use1-blue", "sample-prod-use1-green"]);
        groups.ShouldAllBe(g =>
            g.Properties["HealthCheckPath"]!.GetValue<string>() == "/health/ready" &&
            g.Properties["TargetType"]!.GetValue<string>() == "ip" &&
            g.Properties["Port"]!.GetValue<int>() == 8080);
    }

    [Fact]
    public void ListenerRules_EcsNative_ForwardToBothTargetGroupsAllOnBlue()
    {
        var capture = new Capture();
        Primary.ResourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 2);
        Primary.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", new Dictionary<string, object>
        {
            ["Actions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "forward", ["ForwardConfig"] = new Dictionary<string, object> { ["TargetGroups"] = capture } }) },
        });
        var weights = capture.AsArray().Select(g => Convert.ToInt32(((IDictionary<string, object>)g)["Weight"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        weights.ShouldBe([100, 0]);
    }

    [Fact]
    public void TestListener_Always_IsReachableFromInsideTheVpcOnly()
    {
        var groups = Prod.Resources(Service("prod", "use1"), "AWS::EC2::SecurityGroup");
        var loadBalancer = groups.Single(g => g.Properties["GroupDescription"]!.ToJsonString().Contains("LoadBalancer", StringComparison.Ordinal));
        var ingress = loadBalancer.Properties["SecurityGroupIngress"]!.AsArray();
        ingress.Where(rule => rule!["CidrIp"]!.ToJsonString() == "\"0.0.0.0/0\"").Select(rule => rule!["FromPort"]!.GetValue<int>()).Order().ShouldBe([80, 443]);
        ingress.ShouldContain(rule => rule!["FromPort"]!.GetValue<int>() == 8443 && rule["CidrIp"]!.ToJsonString().Contains("CidrBlock", StringComparison.Ordinal));
    }

    [Fact]
    public void TaskDefinition_Always_GetsTheDatabaseCredentialsFromSecretsManagerAndRunsAnAdotSidecar()
    {
        var task = Prod.Resources(Service("prod", "use1"), "AWS::ECS::TaskDefinition").Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod");
        var containers = task.Properties["ContainerDefinitions"]!.AsArray();
        var app = containers.Single(c => c!["Name"]!.GetValue<string>() == "app")!;
        app["Secrets"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>()).Order().ShouldBe(["DB_PASSWORD", "DB_USERNAME"]);
        app["Environment"]!.AsArray().ShouldNotContain(e => e!["Name"]!.GetValue<string>().Contains("PASSWORD", StringComparison.Ordinal));
        app["Image"]!.ToJsonString().ShouldContain(":v1");
        containers.ShouldContain(c => c!["Name"]!.GetValue<string>() == "aws-otel-collector" && !c["Essential"]!.GetValue<bool>());
        task.Properties["TaskRoleArn"]!.ToJsonString().ShouldNotBe(task.Properties["ExecutionRoleArn"]!.ToJsonString());
    }

    [Fact]
    public void AppContainer_HealthCheckCommandInTheManifest_RunsTheImagesOwnProbeWithoutAShell()
    {
        var task = Prod.Resources(Service("prod", "use1"), "AWS::ECS::TaskDefinition").Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod");
        var app = task.Properties["ContainerDefinitions"]!.AsArray().Single(c => c!["Name"]!.GetValue<string>() == "app")!;

        app["HealthCheck"]!["Command"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(
            ["CMD", "/usr/share/dotnet/dotnet", "/app/Cutover.SampleService.dll", "--probe", "http://127.0.0.1:8080/health/live"]);
    }

    [Fact]
    public void Service_Prod_RunsOnFargateOnlyAndDevOnFargateSpot()
    {
        Primary.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["CapacityProviderStrategy"] = new object[] { new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE", ["Weight"] = 1 } },
            ["DesiredCount"] = 4,
        });
        SynthesizedPlatform.Dev.Template(Service("dev", "use1")).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["CapacityProviderStrategy"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE_SPOT" }) }),
        });
    }

    [Fact]
    public void Cluster_Always_HasContainerInsights()
    {
        Primary.HasResourceProperties("AWS::ECS::Cluster", new Dictionary<string, object>
        {
            ["ClusterSettings"] = new object[] { new Dictionary<string, object> { ["Name"] = "containerInsights", ["Value"] = "enabled" } },
        });
    }
}
