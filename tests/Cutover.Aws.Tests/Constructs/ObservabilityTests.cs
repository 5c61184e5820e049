using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ObservabilityTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    private static Template Primary => Prod.Template(Service("prod", "use1"));

    [Fact]
    public void ErrorRateAlarm_Default_IsFiveXxOverRequestsInPercentWithThresholdOne()
    {
        Primary.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "sample-prod-error-rate-blue",
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["Threshold"] = 1,
            ["EvaluationPeriods"] = 3,
            ["DatapointsToAlarm"] = 2,
            ["TreatMissingData"] = "missing",
            ["Metrics"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["Expression"] = "100 * FILL(errors_blue, 0) / requests_blue" }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Id"] = "errors_blue",
                    ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Metric"] = Match.ObjectLike(new Dictionary<string, object> { ["MetricName"] = "HTTPCode_Target_5XX_Count", ["Namespace"] = "AWS/ApplicationELB" }),
                        ["Period"] = 60,
                        ["Stat"] = "Sum",
                    }),
                    ["ReturnData"] = false,
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Id"] = "requests_blue",
                    ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Metric"] = Match.ObjectLike(new Dictionary<string, object> { ["MetricName"] = "RequestCount" }),
                    }),
                }),
            }),
        });
    }

    [Fact]
    public void LatencyAlarm_Default_IsP99OverTwoSeconds()
    {
        Primary.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "sample-prod-latency-p99-green",
            ["MetricName"] = "TargetResponseTime",
            ["Namespace"] = "AWS/ApplicationELB",
            ["ExtendedStatistic"] = "p99",
            ["Threshold"] = 2,
            ["Period"] = 60,
            ["ComparisonOperator"] = "GreaterThanThreshold",
        });
    }

    [Fact]
    public void MemoryAlarm_Default_IsTheServicesMaximumOverEightyPercent()
    {
        Primary.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "sample-prod-memory",
            ["MetricName"] = "MemoryUtilization",
            ["Namespace"] = "AWS/ECS",
            ["Statistic"] = "Maximum",
            ["Threshold"] = 80,
            ["Dimensions"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Name"] = "ServiceName", ["Value"] = "sample" } }),
        });
    }

    [Fact]
    public void CrashLoopAlarm_Default_CountsTaskCrashesFromTheEcsEvents()
    {
        Primary.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "sample-prod-crash-loop",
            ["MetricName"] = "TaskCrashes",
            ["Namespace"] = "Cutover/sample-prod",
            ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
            ["Threshold"] = 1,
        });
        Primary.HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["FilterPattern"] = Match.StringLikeRegexp("EssentialContainerExited"),
            ["MetricTransformations"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["MetricName"] = "TaskCrashes" }) },
        });
        Primary.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = Match.ObjectLike(new Dictionary<string, object> { ["source"] = new[] { "aws.ecs" } }),
        });
    }

    [Fact]
    public void Alarms_EachSeverity_NotifyTheirOwnEncryptedTopic()
    {
        foreach (var severity in new[] { "critical", "warning", "info" })
        {
            Primary.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object> { ["TopicName"] = $"sample-prod-{severity}", ["KmsMasterKeyId"] = Match.AnyValue() });
        }

        var p50 = Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Alarm").Single(a => a.Properties["AlarmName"]?.GetValue<string>() == "sample-prod-latency-p50-blue");
        p50.Properties["AlarmActions"]!.ToJsonString().ShouldContain("WarningTopic");
        var errorRate = Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Alarm").Single(a => a.Properties["AlarmName"]?.GetValue<string>() == "sample-prod-error-rate-blue");
        errorRate.Properties["AlarmActions"]!.ToJsonString().ShouldContain("CriticalTopic");
    }

    [Fact]
    public void Alarms_EveryManifestAlarm_IsCompiledPerTargetGroupOrForTheService()
    {
        // 5 defaults + latency-p50: error-rate, latency-p99, unhealthy-instances and latency-p50 per target group (x2), memory and
        // crash-loop once; the canary's alarm and the step-scaling alarms are not the manifest's.
        var names = Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Alarm")
            .Select(a => a.Properties["AlarmName"]?.GetValue<string>())
            .Where(n => n is not null && n != "sample-prod-synthetics-health")
            .ToList();
        names.Count.ShouldBe((4 * 2) + 2);
    }

    [Fact]
    public void LogsInsights_Always_HasSavedQueriesAndMetricFilters()
    {
        Primary.ResourceCountIs("AWS::Logs::QueryDefinition", 3);
        Primary.ResourceCountIs("AWS::Logs::MetricFilter", 2);
    }

    [Fact]
    public void Dashboards_PrimaryRegion_HasItsOwnAndOneAcrossBothRegions()
    {
        var primary = Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Dashboard").Select(d => d.Properties["DashboardName"]!.GetValue<string>()).Order();
        primary.ShouldBe(["sample-prod-all-regions", "sample-prod-us-east-1", "sample-prod-us-east-1-golden-signals"]);
        var secondary = Prod.Resources(Service("prod", "use2"), "AWS::CloudWatch::Dashboard").Select(d => d.Properties["DashboardName"]!.GetValue<string>()).Order();
        secondary.ShouldBe(["sample-prod-us-east-2", "sample-prod-us-east-2-golden-signals"]);
        var crossRegion = Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Dashboard").Single(d => d.Properties["DashboardName"]!.GetValue<string>().EndsWith("all-regions", StringComparison.Ordinal));
        var body = crossRegion.Properties["DashboardBody"]!.ToJsonString();
        body.ShouldContain("us-east-2");
        body.ShouldContain("SEARCH(");
    }

    [Fact]
    public void Canary_Always_ChecksTheHealthEndpointThroughThePublicName()
    {
        Primary.HasResourceProperties("AWS::Synthetics::Canary", new Dictionary<string, object>
        {
            ["Code"] = Match.ObjectLike(new Dictionary<string, object> { ["Script"] = Match.StringLikeRegexp("https://sample.example.com/health/ready") }),
            ["Schedule"] = Match.ObjectLike(new Dictionary<string, object> { ["Expression"] = "rate(1 minute)" }),
        });
    }

    [Fact]
    public void Tracing_Always_GivesTheTaskRoleXRayThroughTheSidecar()
    {
        Primary.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Sid"] = "XRayTraces", ["Action"] = Match.ArrayWith(new object[] { "xray:PutTraceSegments" }) }) }),
            }),
        });
    }

    [Fact]
    public void LogGroups_EveryEnvironmentAndStack_HaveRetentionAndKmsEncryption()
    {
        var checkedGroups = 0;
        foreach (var platform in new[] { SynthesizedPlatform.Dev, SynthesizedPlatform.Staging, SynthesizedPlatform.Prod })
        {
            foreach (var stack in platform.StackNames)
            {
                foreach (var (id, properties) in platform.Resources(stack, "AWS::Logs::LogGroup"))
                {
                    properties["RetentionInDays"].ShouldNotBeNull($"{stack}/{id} has no retention");
                    properties["KmsKeyId"].ShouldNotBeNull($"{stack}/{id} is not encrypted");
                    checkedGroups++;
                }

                // Every Lambda function of ours logs to one of those groups, not an implicit one kept forever.
                foreach (var (id, properties) in platform.Resources(stack, "AWS::Lambda::Function").Where(f => f.Properties["LoggingConfig"] is not null || f.Id.StartsWith("Hooks", StringComparison.Ordinal)))
                {
                    properties["LoggingConfig"]!["LogGroup"].ShouldNotBeNull($"{stack}/{id}");
                }
            }
        }

        // Per environment: flow logs x2, database logs, and app, ECS events, hook runner and WAF request logs x2.
        checkedGroups.ShouldBe(3 * 11);
    }
}
