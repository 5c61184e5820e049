using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cutover.Aws.Constructs;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Manifest;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class FeatureFlagsTests
{
    private const string FlagsUrl = "http://localhost:2772/applications/sample/environments/prod/configurations/feature-flags";

    private static readonly Lazy<SynthesizedPlatform> Switched = new(() => SynthesizedPlatform.Create(
        "prod",
        ReleaseToolingManifest.Settings,
        ReleaseToolingManifest.Build(newCheckoutInProd: false)));

    private static SynthesizedPlatform Platform => SynthesizedPlatform.ProdReleaseTooling;

    [Theory]
    [InlineData("use1")]
    [InlineData("use2")]
    public void AppConfig_EachRegion_HasTheApplicationEnvironmentFlagsProfileAndADeploymentOfTheHostedVersion(string region)
    {
        var stack = Service("prod", region);
        var (applicationId, application) = Platform.Resources(stack, "AWS::AppConfig::Application").Single();
        application["Name"]!.GetValue<string>().ShouldBe("sample");
        var (environmentId, environment) = Platform.Resources(stack, "AWS::AppConfig::Environment").Single();
        environment["Name"]!.GetValue<string>().ShouldBe("prod");
        environment["ApplicationId"]!["Ref"]!.GetValue<string>().ShouldBe(applicationId);
        var (profileId, profile) = Platform.Resources(stack, "AWS::AppConfig::ConfigurationProfile").Single();
        profile["Name"]!.GetValue<string>().ShouldBe("feature-flags");
        profile["Type"]!.GetValue<string>().ShouldBe("AWS.AppConfig.FeatureFlags");
        profile["LocationUri"]!.GetValue<string>().ShouldBe("hosted");
        var (versionId, version) = Platform.Resources(stack, "AWS::AppConfig::HostedConfigurationVersion").Single();
        version["ConfigurationProfileId"]!["Ref"]!.GetValue<string>().ShouldBe(profileId);
        version["ContentType"]!.GetValue<string>().ShouldBe("application/json");
        var (strategyId, strategy) = Platform.Resources(stack, "AWS::AppConfig::DeploymentStrategy").Single();
        strategy["GrowthFactor"]!.GetValue<double>().ShouldBe(100);
        strategy["DeploymentDurationInMinutes"]!.GetValue<double>().ShouldBe(0);
        strategy["FinalBakeTimeInMinutes"]!.GetValue<double>().ShouldBe(1, "the manifest's 5 s bake time in whole minutes, as for a release");

        var deployment = Platform.Resources(stack, "AWS::AppConfig::Deployment").Single().Properties;
        TemplateStatement.Render(deployment["ApplicationId"]).ShouldBe($"{{{applicationId}}}");
        TemplateStatement.Render(deployment["EnvironmentId"]).ShouldBe($"{{{environmentId}}}");
        TemplateStatement.Render(deployment["ConfigurationProfileId"]).ShouldBe($"{{{profileId}}}");
        TemplateStatement.Render(deployment["ConfigurationVersion"]).ShouldBe($"{{{versionId}}}");
        TemplateStatement.Render(deployment["DeploymentStrategyId"]).ShouldBe($"{{{strategyId}}}");
        Platform.Json(stack)["Resources"]![versionId]!["UpdateReplacePolicy"]!.GetValue<string>().ShouldBe("Retain");
    }

    [Fact]
    public void HostedVersion_Content_HoldsEachFlagsStateInThisEnvironment()
    {
        var version = Platform.Resources(Service("prod", "use1"), "AWS::AppConfig::HostedConfigurationVersion").Single().Properties;
        var content = JsonNode.Parse(version["Content"]!.GetValue<string>())!;

        content.ToJsonString().ShouldBe("""
            {"version":"1","flags":{"dark-mode":{"name":"dark-mode"},"new-checkout":{"name":"new-checkout","description":"The one-page checkout."}},"values":{"dark-mode":{"enabled":true},"new-checkout":{"enabled":true}}}
            """);
    }

    [Fact]
    public void Document_AnotherEnvironment_TakesTheFlagsDefault()
    {
        var flags = ReleaseToolingManifest.Build().FeatureFlags;

        var staging = JsonNode.Parse(FeatureFlagDocument.For(flags, "staging"))!;
        var prod = JsonNode.Parse(FeatureFlagDocument.For(flags, "prod"))!;

        staging["values"]!["new-checkout"]!["enabled"]!.GetValue<bool>().ShouldBeFalse();
        prod["values"]!["new-checkout"]!["enabled"]!.GetValue<bool>().ShouldBeTrue();
        staging["values"]!["dark-mode"]!["enabled"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Agent_TaskDefinition_RunsThePinnedAgentSidecarAndGivesTheServiceTheFlagsUrl()
    {
        var containers = Platform.Resources(Service("prod", "use1"), "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod").Properties["ContainerDefinitions"]!.AsArray();
        var agent = containers.Single(c => c!["Name"]!.GetValue<string>() == "appconfig-agent")!;
        agent["Image"]!.GetValue<string>().ShouldBe(FeatureFlags.AgentImage);
        agent["Image"]!.GetValue<string>().ShouldMatch(@"^public\.ecr\.aws/aws-appconfig/aws-appconfig-agent:\d+\.\d+\.\d+$");
        agent["Essential"]!.GetValue<bool>().ShouldBeFalse();
        Variables(agent)["PREFETCH_LIST"].ShouldBe("/applications/sample/environments/prod/configurations/feature-flags");
        agent["PortMappings"].ShouldBeNull("the agent answers on localhost inside the task only");

        var app = containers.Single(c => c!["Name"]!.GetValue<string>() == "app")!;
        Variables(app)["FEATURE_FLAGS_URL"].ShouldBe(FlagsUrl);
        app["DependsOn"]!.AsArray().Single()!.ToJsonString().ShouldBe(new JsonObject { ["Condition"] = "START", ["ContainerName"] = "appconfig-agent" }.ToJsonString());
    }

    [Fact]
    public void TaskRole_FeatureFlags_MayOnlyReadThisEnvironmentsProfile()
    {
        var stack = Service("prod", "use1");
        var template = Platform.Json(stack);
        var application = Platform.Resources(stack, "AWS::AppConfig::Application").Single().Id;
        var environment = Platform.Resources(stack, "AWS::AppConfig::Environment").Single().Id;
        var profile = Platform.Resources(stack, "AWS::AppConfig::ConfigurationProfile").Single().Id;
        var taskRole = Platform.Resources(stack, "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod").Properties["TaskRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();

        var flags = TemplateStatement.OfRole(template, taskRole).Single(s => s.Sid == "FeatureFlags");

        flags.ShouldBe(new TemplateStatement(
            "FeatureFlags",
            "Allow",
            ["appconfig:GetLatestConfiguration", "appconfig:StartConfigurationSession"],
            [$"arn:aws:appconfig:us-east-1:333333333333:application/{{{application}}}/environment/{{{environment}}}/configuration/{{{profile}}}"]));
        TemplateStatement.All(template).Select(s => s.Statement).Where(s => s.Actions.Any(a => a.StartsWith("appconfig:", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().ShouldBe(flags);
    }

    [Fact]
    public void Monitor_RollbackAlarms_StopAndRollBackAFlagDeployment()
    {
        var stack = Service("prod", "use1");
        var template = Platform.Json(stack);
        var (compositeId, composite) = Platform.Resources(stack, "AWS::CloudWatch::CompositeAlarm").Single();
        composite["AlarmName"]!.GetValue<string>().ShouldBe("sample-prod-use1-any-rollback-alarm");
        var rule = TemplateStatement.Render(composite["AlarmRule"]);
        var rollbackAlarms = Platform.Stacks.PrimaryService.Observability.RollbackAlarmNames;
        rollbackAlarms.Count.ShouldBeGreaterThan(5, "more than AppConfig's 5 monitors: hence one composite alarm");
        Regex.Count(rule, "ALARM\\(").ShouldBe(rollbackAlarms.Count);

        var monitor = Platform.Resources(stack, "AWS::AppConfig::Environment").Single().Properties["Monitors"]!.AsArray().Single()!;
        TemplateStatement.Render(monitor["AlarmArn"]).ShouldBe($"{{{compositeId}.Arn}}");
        var roleId = monitor["AlarmRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        template["Resources"]![roleId]!["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().ShouldContain("appconfig.amazonaws.com");
        TemplateStatement.OfRole(template, roleId).ShouldHaveSingleItem().ShouldBe(
            new TemplateStatement("RollbackAlarm", "Allow", ["cloudwatch:DescribeAlarms"], [$"{{{compositeId}.Arn}}"]));
    }

    [Fact]
    public void FlagSwitch_OneFlagChanged_ReplacesOnlyTheHostedVersionNotTheTaskDefinitionOrService()
    {
        var changed = new List<string>();
        foreach (var stack in Platform.StackNames)
        {
            var before = Platform.Json(stack)["Resources"]!.AsObject();
            var after = Switched.Value.Json(stack)["Resources"]!.AsObject();
            after.Select(r => r.Key).Order().ShouldBe(before.Select(r => r.Key).Order());
            changed.AddRange(before.Where(r => !JsonNode.DeepEquals(r.Value, after[r.Key])).Select(r => $"{stack}:{r.Value!["Type"]}"));
        }

        // The deployment names the version by Ref: CloudFormation replaces the version, so it starts a new AppConfig
        // deployment too; nothing about the tasks changes, so ECS deploys nothing.
        changed.Order().ShouldBe([$"{Service("prod", "use1")}:AWS::AppConfig::HostedConfigurationVersion", $"{Service("prod", "use2")}:AWS::AppConfig::HostedConfigurationVersion"]);
        Switched.Value.Resources(Service("prod", "use1"), "AWS::AppConfig::HostedConfigurationVersion").Single().Properties["Content"]!.GetValue<string>()
            .ShouldContain("\"new-checkout\":{\"enabled\":false}");

        // Nor may the tasks refer to what a switch replaces: a reference to the version would give a new task definition.
        foreach (var region in new[] { "use1", "use2" })
        {
            var version = Platform.Resources(Service("prod", region), "AWS::AppConfig::HostedConfigurationVersion").Single().Id;
            var deployment = Platform.Resources(Service("prod", region), "AWS::AppConfig::Deployment").Single().Id;
            foreach (var type in new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::Service" })
            {
                var text = string.Concat(Platform.Resources(Service("prod", region), type).Select(r => r.Properties.ToJsonString()));
                text.ShouldNotContain(version, customMessage: type);
                text.ShouldNotContain(deployment, customMessage: type);
            }
        }
    }

    [Fact]
    public void NoFeatureFlags_Default_CreatesNoAppConfigAndNoAgent()
    {
        var manifest = File.ReadAllText(RepositoryRoot.Manifest);
        var (from, to) = (manifest.IndexOf("\n# Feature flags", StringComparison.Ordinal), manifest.IndexOf("\n# Alarms judge", StringComparison.Ordinal));
        var withoutFlags = manifest[..from] + manifest[to..];
        withoutFlags.ShouldNotContain("featureFlags", customMessage: "the test cuts the featureFlags section out by its comment lines");
        var dev = SynthesizedPlatform.Create("dev", manifestText: withoutFlags);
        foreach (var stack in dev.StackNames)
        {
            var text = dev.TemplateText(stack);
            text.ShouldNotContain("AWS::AppConfig::", customMessage: stack);
            text.ShouldNotContain("appconfig", Case.Insensitive, stack);
            text.ShouldNotContain("FEATURE_FLAGS_URL", customMessage: stack);
        }
    }

    [Fact]
    public void RepositoryManifest_NewGreetingFlag_IsOffInProd()
    {
        var version = SynthesizedPlatform.Prod.Resources(Service("prod", "use1"), "AWS::AppConfig::HostedConfigurationVersion").Single().Properties;

        JsonNode.Parse(version["Content"]!.GetValue<string>())!["values"]!["new-greeting"]!["enabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void Loader_FlagNameAppConfigRefuses_IsAnAwsTargetError()
    {
        var manifest = ReleaseToolingManifest.Build() with { FeatureFlags = [new FeatureFlagSpec { Name = "New_Checkout" }] };

        var result = Cutover.Aws.Manifest.ManifestLoader.FromManifest(manifest, ReleaseToolingManifest.Settings);

        result.Errors.ShouldContain("error: cutover.yaml: featureFlags[0].name: flag \"New_Checkout\" is not a key AWS AppConfig accepts. Fix: start with a lowercase letter, then up to 63 letters, digits, '_' or '-', such as new-checkout.");
    }

    private static Dictionary<string, string> Variables(JsonNode container) =>
        container["Environment"]!.AsArray().ToDictionary(v => v!["Name"]!.GetValue<string>(), v => TemplateStatement.Render(v!["Value"]));
}
