using Cutover.Aws.Constructs;
using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ReleaseTests
{
    private static readonly string[] RollbackAlarms =
    [
        "sample-prod-error-rate-blue", "sample-prod-error-rate-green", "sample-prod-latency-p99-blue", "sample-prod-latency-p99-green",
        "sample-prod-memory", "sample-prod-unhealthy-instances-blue", "sample-prod-unhealthy-instances-green", "sample-prod-crash-loop",
    ];

    [Fact]
    public void EcsNative_CanaryManifest_EmitsTheCanaryStrategyWithAlternateTargetGroupAndTestRule()
    {
        SynthesizedPlatform.Prod.Template(Service("prod", "use1")).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["DeploymentController"] = new Dictionary<string, object> { ["Type"] = "ECS" },
            ["DeploymentConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Strategy"] = "CANARY",
                ["BakeTimeInMinutes"] = 1,
                ["CanaryConfiguration"] = new Dictionary<string, object> { ["CanaryPercent"] = 5, ["CanaryBakeTimeInMinutes"] = 1 },
                ["Alarms"] = new Dictionary<string, object> { ["AlarmNames"] = RollbackAlarms, ["Enable"] = true, ["Rollback"] = true },
                ["LifecycleHooks"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["LifecycleStages"] = new[] { "POST_TEST_TRAFFIC_SHIFT" } }) },
            }),
            ["LoadBalancers"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AdvancedConfiguration"] = new Dictionary<string, object>
                    {
                        ["AlternateTargetGroupArn"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ServiceGreen") },
                        ["ProductionListenerRule"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ServiceProductionRule") },
                        ["TestListenerRule"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ServiceTestRule") },
                        ["RoleArn"] = Match.AnyValue(),
                    },
                }),
            },
        });
    }

    [Fact]
    public void EcsNative_WarningAlarm_DoesNotRollBack()
    {
        var service = SynthesizedPlatform.Prod.Resources(Service("prod", "use1"), "AWS::ECS::Service").Single();
        service.Properties["DeploymentConfiguration"]!["Alarms"]!["AlarmNames"]!.ToJsonString().ShouldNotContain("latency-p50");
    }

    [Fact]
    public void CodeDeploy_DeploymentGroup_RollsBackOnFailureStopAndTheManifestsAlarms()
    {
        var template = SynthesizedPlatform.ProdCodeDeploy.Template(Service("prod", "use1"));
        var alarms = new Capture();
        template.HasResourceProperties("AWS::CodeDeploy::DeploymentGroup", new Dictionary<string, object>
        {
            ["DeploymentGroupName"] = "sample-prod-use1",
            ["DeploymentStyle"] = new Dictionary<string, object> { ["DeploymentOption"] = "WITH_TRAFFIC_CONTROL", ["DeploymentType"] = "BLUE_GREEN" },
            ["AutoRollbackConfiguration"] = new Dictionary<string, object>
            {
                ["Enabled"] = true,
                ["Events"] = Match.ArrayWith(new object[] { "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM" }),
            },
            ["AlarmConfiguration"] = new Dictionary<string, object> { ["Enabled"] = true, ["Alarms"] = alarms },
            ["BlueGreenDeploymentConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TerminateBlueInstancesOnDeploymentSuccess"] = new Dictionary<string, object> { ["Action"] = "TERMINATE", ["TerminationWaitTimeInMinutes"] = 2 },
            }),
            ["LoadBalancerInfo"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TargetGroupPairInfoList"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ProdTrafficRoute"] = Match.AnyValue(),
                        ["TestTrafficRoute"] = Match.AnyValue(),
                        ["TargetGroups"] = Match.AnyValue(),
                    }),
                },
            }),
        });
        alarms.AsArray().Length.ShouldBe(8);
        template.HasResourceProperties("AWS::CodeDeploy::DeploymentConfig", new Dictionary<string, object>
        {
            ["TrafficRoutingConfig"] = new Dictionary<string, object>
            {
                ["Type"] = "TimeBasedCanary",
                ["TimeBasedCanary"] = new Dictionary<string, object> { ["CanaryPercentage"] = 5, ["CanaryInterval"] = 1 },
            },
        });
    }

    [Fact]
    public void CodeDeploy_Service_HasTheCodeDeployControllerAndNoServiceLevelAlarms()
    {
        var service = SynthesizedPlatform.ProdCodeDeploy.Resources(Service("prod", "use1"), "AWS::ECS::Service").Single().Properties;
        service["DeploymentController"]!["Type"]!.GetValue<string>().ShouldBe("CODE_DEPLOY");
        // Alarm rollback belongs to the deployment group with this controller (aws-cdk issue 26307).
        (service["DeploymentConfiguration"]?["Alarms"]).ShouldBeNull();
        (service["DeploymentConfiguration"]?["Strategy"]).ShouldBeNull();
        service["LoadBalancers"]!.AsArray().Single()!["AdvancedConfiguration"].ShouldBeNull();
    }

    [Fact]
    public void CodeDeploy_Listeners_StartOnBlueForProductionAndGreenForTest()
    {
        var listeners = SynthesizedPlatform.ProdCodeDeploy.Resources(Service("prod", "use1"), "AWS::ElasticLoadBalancingV2::Listener");
        listeners.Single(l => l.Properties["Port"]!.GetValue<int>() == 443).Properties["DefaultActions"]!.ToJsonString().ShouldContain("ServiceBlue");
        listeners.Single(l => l.Properties["Port"]!.GetValue<int>() == 8443).Properties["DefaultActions"]!.ToJsonString().ShouldContain("ServiceGreen");
        SynthesizedPlatform.ProdCodeDeploy.Template(Service("prod", "use1")).ResourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
    }

    [Fact]
    public void CodeDeploy_AppSpec_IsAnOutputWithTheHookAfterTestTraffic()
    {
        var outputs = SynthesizedPlatform.ProdCodeDeploy.TemplateText(Service("prod", "use1"));
        outputs.ShouldContain("AfterAllowTestTraffic");
        outputs.ShouldContain("<TASK_DEFINITION>");
    }

    [Fact]
    public void HookRunner_Source_IsValidJavaScriptThatFitsInline()
    {
        HookRunner.Source.Length.ShouldBeLessThan(4096, "CloudFormation's inline ZipFile limit");
        var file = Path.Combine(Path.GetTempPath(), $"hook-runner-{Guid.NewGuid():N}.js");
        File.WriteAllText(file, HookRunner.Source);
        using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", ["--check", file]) { RedirectStandardError = true })!;
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        node.ExitCode.ShouldBe(0, errors);
    }

    [Fact]
    public void HookRunner_Function_GetsTheManifestsHooksAndTheTestListener()
    {
        SynthesizedPlatform.Prod.Template(Service("prod", "use1")).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["HOOKS"] = Match.StringLikeRegexp("scripts/smoke.sh"),
                    ["TEST_URL"] = "https://use1.sample.example.com:8443",
                }),
            },
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogGroup"] = Match.AnyValue() }),
        });
    }
}
