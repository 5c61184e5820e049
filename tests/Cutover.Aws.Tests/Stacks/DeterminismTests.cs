using System.Text.Json.Nodes;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Stacks;

/// <summary>
/// `cdk deploy` of an unchanged manifest must be a no-op (aws-cdk issues 7040, 11243, 25777), and an unrelated change must
/// not touch the listeners, rules or service that a release has shifted (aws-cdk issue 36649): CloudFormation only
/// updates resources whose template changed.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly Lazy<SynthesizedPlatform> Changed = new(() => SynthesizedPlatform.Create(
        "prod",
        manifestText: File.ReadAllText(RepositoryRoot.Manifest).Replace("      threshold: 0.5\n", "      threshold: 0.75\n", StringComparison.Ordinal)));

    [Fact]
    public void Synth_UnchangedManifest_GivesIdenticalTemplates()
    {
        var again = SynthesizedPlatform.Create("prod");
        foreach (var stack in SynthesizedPlatform.Prod.StackNames)
        {
            again.TemplateText(stack).ShouldBe(SynthesizedPlatform.Prod.TemplateText(stack), $"{stack} changed between two synths of the same manifest");
        }
    }

    [Fact]
    public void Synth_AlarmThresholdChange_ChangesOnlyThatAlarm()
    {
        var changed = new List<string>();
        foreach (var stack in SynthesizedPlatform.Prod.StackNames)
        {
            var before = SynthesizedPlatform.Prod.Json(stack)["Resources"]!.AsObject();
            var after = Changed.Value.Json(stack)["Resources"]!.AsObject();
            after.Select(r => r.Key).Order().ShouldBe(before.Select(r => r.Key).Order());
            changed.AddRange(before.Where(r => !JsonNode.DeepEquals(r.Value, after[r.Key])).Select(r => $"{stack}/{r.Key}:{r.Value!["Type"]}"));
        }

        changed.ShouldNotBeEmpty();
        changed.ShouldAllBe(c => c.EndsWith(":AWS::CloudWatch::Alarm", StringComparison.Ordinal) && c.Contains("latencyp50", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CodeDeploy_Service_ReferencesTheTaskDefinitionFamilySoNewRevisionsComeFromCodeDeploy()
    {
        var service = SynthesizedPlatform.ProdCodeDeploy.Resources(Service("prod", "use1"), "AWS::ECS::Service").Single().Properties;
        // The family without a revision: registering a new revision (a release) changes nothing CloudFormation compares.
        service["TaskDefinition"]!.GetValue<string>().ShouldBe("sample-prod");
    }
}
