using Cutover.Aws.Settings;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Stacks;

public sealed class EnvironmentDifferencesTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void SameManifest_EachEnvironment_SynthesizesTenStacksOverBothRegions(string environment)
    {
        var platform = environment switch { "prod" => SynthesizedPlatform.Prod, "staging" => SynthesizedPlatform.Staging, _ => SynthesizedPlatform.Dev };

        platform.StackNames.Count.ShouldBe(10);
        platform.StackNames.Count(n => n.EndsWith("-use1", StringComparison.Ordinal)).ShouldBe(5);
        platform.StackNames.Count(n => n.EndsWith("-use2", StringComparison.Ordinal)).ShouldBe(5);
    }

    [Theory]
    [InlineData("dev", 1, 2, 1, 4, "FARGATE_SPOT", false, 14)]
    [InlineData("staging", 2, 2, 2, 6, "FARGATE_SPOT", true, 30)]
    [InlineData("prod", 3, 3, 2, 20, "FARGATE", true, 365)]
    public void DocumentedDifferences_EachEnvironment_AreInItsTemplates(
        string environment, int natGateways, int zones, int minCapacity, int maxCapacity, string capacity, bool multiAz, int retention)
    {
        var platform = environment switch { "prod" => SynthesizedPlatform.Prod, "staging" => SynthesizedPlatform.Staging, _ => SynthesizedPlatform.Dev };
        platform.Resources(Network(environment, "use1"), "AWS::EC2::NatGateway").Count.ShouldBe(natGateways);
        platform.Resources(Network(environment, "use1"), "AWS::EC2::Subnet").Count.ShouldBe(3 * zones);
        var target = platform.Resources(Service(environment, "use1"), "AWS::ApplicationAutoScaling::ScalableTarget").Single().Properties;
        target["MinCapacity"]!.GetValue<int>().ShouldBe(minCapacity);
        target["MaxCapacity"]!.GetValue<int>().ShouldBe(maxCapacity);
        platform.Resources(Service(environment, "use1"), "AWS::ECS::Service").Single().Properties["CapacityProviderStrategy"]!.ToJsonString().ShouldContain($"\"{capacity}\"");
        platform.Resources(Data(environment, "use1"), "AWS::RDS::DBInstance").Single().Properties["MultiAZ"]!.GetValue<bool>().ShouldBe(multiAz);
        platform.Resources(Service(environment, "use1"), "AWS::Logs::LogGroup").ShouldAllBe(g => g.Properties["RetentionInDays"]!.GetValue<int>() == retention);
        EnvironmentCatalog.For(environment).LogRetentionDays.ShouldBe(retention);
    }

    [Fact]
    public void TerminationProtection_ProdOnly()
    {
        File.ReadAllText(Path.Combine(SynthesizedPlatform.Prod.Outdir, "manifest.json")).ShouldContain("\"terminationProtection\": true");
        File.ReadAllText(Path.Combine(SynthesizedPlatform.Dev.Outdir, "manifest.json")).ShouldNotContain("\"terminationProtection\": true");
    }
}
