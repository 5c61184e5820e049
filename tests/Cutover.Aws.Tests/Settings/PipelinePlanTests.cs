using Cutover.Aws.Settings;
using Cutover.Aws.Tests.Support;
using Cutover.Pipelines;

namespace Cutover.Aws.Tests.Settings;

public sealed class PipelinePlanTests
{
    [Fact]
    public void StackNames_InDeploymentOrder_AreTheStacksTheAppBuilds()
    {
        var stacks = SynthesizedPlatform.Prod.Stacks;
        var deployment = stacks.Deployment;

        PipelinePlan.StackNames(deployment.Prefix, deployment.Primary, deployment.Secondary).Select(s => s.Name).ShouldBe(stacks.All.Select(s => s.StackName));
    }

    [Fact]
    public void For_ReleaseToolingManifest_ReleasesStagingThenEachProductionRegionFromProductionsRegistry()
    {
        var plan = SynthesizedPlatform.ProdReleaseTooling.Stacks.Pipeline!.Release;

        plan.Targets.Select(t => (t.Stage, t.Environment, t.Account, string.Join(",", t.Regions))).ShouldBe(
        [
            (PipelineStage.Staging, "staging", ReleaseToolingManifest.StagingAccount, "us-east-1,us-east-2"),
            (PipelineStage.ProductionPrimary, "prod", ReleaseToolingManifest.ProdAccount, "us-east-1"),
            (PipelineStage.ProductionSecondary, "prod", ReleaseToolingManifest.ProdAccount, "us-east-2"),
        ]);
        (plan.Owner, plan.Repository, plan.Branch).ShouldBe(("acme", "shop", "release"));
        (plan.ImageAccount, plan.ImageRegion, plan.ImageRepository).ShouldBe((ReleaseToolingManifest.ProdAccount, "us-east-1", "cutover/sample"));
        plan.Targets[0].BootstrapRoleNames.ShouldBe(
        [
            "cdk-hnb659fds-deploy-role-222222222222-us-east-1", "cdk-hnb659fds-file-publishing-role-222222222222-us-east-1",
            "cdk-hnb659fds-deploy-role-222222222222-us-east-2", "cdk-hnb659fds-file-publishing-role-222222222222-us-east-2",
        ]);
    }

    [Fact]
    public void IsBuiltBy_OnlyTheProductionDeploymentOfACodePipelineManifest()
    {
        SynthesizedPlatform.ProdReleaseTooling.Stacks.Pipeline.ShouldNotBeNull();
        PipelinePlan.IsBuiltBy(SynthesizedPlatform.Prod.Stacks.Deployment).ShouldBeFalse("githubActions");
        var staging = SynthesizedPlatform.ProdReleaseTooling.Stacks.Deployment with
        {
            Environment = SynthesizedPlatform.ProdReleaseTooling.Stacks.Deployment.Manifest.Environments["staging"],
        };
        PipelinePlan.IsBuiltBy(staging).ShouldBeFalse("staging is released by the pipeline, not its home");
    }
}
