using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ContainerRegistryTests
{
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
}
