using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ContainerRegistryTests
{
    private static readonly Lazy<SynthesizedPlatform> StagingReleaseTooling = new(() =>
        SynthesizedPlatform.Create("staging", ReleaseToolingManifest.Settings, ReleaseToolingManifest.Build()));

    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    [Theory]
    [InlineData("use1")]
    [InlineData("use2")]
    public void Repository_EachRegion_ScansOnPushWithImmutableTagsAndLifecycleRules(string region)
    {
        Prod.Template(Service("prod", region)).HasResourceProperties("AWS::ECR::Repository", new Dictionary<string, object>
        {
            ["RepositoryName"] = "cutover/sample",
            ["ImageScanningConfiguration"] = new Dictionary<string, object> { ["ScanOnPush"] = true },
            ["ImageTagMutability"] = "IMMUTABLE",
            ["LifecyclePolicy"] = Match.ObjectLike(new Dictionary<string, object> { ["LifecyclePolicyText"] = Match.StringLikeRegexp("countType") }),
        });
    }

    [Fact]
    public void Replication_PrimaryRegion_CopiesTheRepositoryToTheSecondRegion()
    {
        Prod.Template(Service("prod", "use1")).HasResourceProperties("AWS::ECR::ReplicationConfiguration", new Dictionary<string, object>
        {
            ["ReplicationConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Destinations"] = new object[] { new Dictionary<string, object> { ["Region"] = "us-east-2", ["RegistryId"] = "111111111111" } },
                        ["RepositoryFilters"] = new object[] { new Dictionary<string, object> { ["Filter"] = "cutover/sample", ["FilterType"] = "PREFIX_MATCH" } },
                    },
                },
            },
        });
    }

    [Fact]
    public void Replication_SecondaryRegion_IsNotConfiguredAgain()
    {
        // One replication configuration per registry, in the source region only.
        Prod.Template(Service("prod", "use2")).ResourceCountIs("AWS::ECR::ReplicationConfiguration", 0);
    }

    [Fact]
    public void Replication_CodePipelineWithStagingInItsOwnAccount_AlsoCopiesTheImageIntoStagingsRegions()
    {
        var rule = SynthesizedPlatform.ProdReleaseTooling.Resources(Service("prod", "use1"), "AWS::ECR::ReplicationConfiguration").Single()
            .Properties["ReplicationConfiguration"]!["Rules"]!.AsArray().Single()!;

        rule["Destinations"]!.AsArray().Select(d => (d!["Region"]!.GetValue<string>(), d["RegistryId"]!.GetValue<string>())).ShouldBe(
        [
            ("us-east-2", ReleaseToolingManifest.ProdAccount),
            ("us-east-1", ReleaseToolingManifest.StagingAccount),
            ("us-east-2", ReleaseToolingManifest.StagingAccount),
        ]);
        SynthesizedPlatform.ProdReleaseTooling.Resources(Service("prod", "use1"), "AWS::ECR::RegistryPolicy").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("use1", "us-east-1")]
    [InlineData("use2", "us-east-2")]
    public void RegistryPolicy_StagingOfACodePipeline_AdmitsOnlyThePipelineAccountsReplicationIntoItsRepository(string region, string regionCode)
    {
        var policy = StagingReleaseTooling.Value.Resources(Service("staging", region), "AWS::ECR::RegistryPolicy").Single().Properties["PolicyText"]!;

        var statement = policy["Statement"]!.AsArray().Single()!;
        statement["Principal"]!["AWS"]!.ToJsonString().ShouldContain($"iam::{ReleaseToolingManifest.ProdAccount}:root");
        statement["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["ecr:ReplicateImage"]);
        TemplateStatement.Render(statement["Resource"]).ShouldBe($"arn:aws:ecr:{regionCode}:{ReleaseToolingManifest.StagingAccount}:repository/cutover/sample");
        SynthesizedPlatform.Staging.Resources(Service("staging", region), "AWS::ECR::RegistryPolicy").ShouldBeEmpty("githubActions: nothing replicates in");
        StagingReleaseTooling.Value.Stacks.Pipeline.ShouldBeNull("the pipeline lives with prod");
    }
}
