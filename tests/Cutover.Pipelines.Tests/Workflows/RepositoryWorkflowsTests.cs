using Cutover.Pipelines.Tests.Support;
using Cutover.Pipelines.Workflows;
using Cutover.Testing;
using YamlDotNet.RepresentationModel;

namespace Cutover.Pipelines.Tests.Workflows;

/// <summary>The repository's real workflows against the pipeline's rules.</summary>
public sealed class RepositoryWorkflowsTests
{
    [Fact]
    public void Check_RepositoryWorkflows_HaveNoFindings()
    {
        WorkflowChecks.Check(RepositoryFiles.Ci, WorkflowKind.Integration).ShouldBeEmpty();
        WorkflowChecks.Check(RepositoryFiles.Release, WorkflowKind.Release).ShouldBeEmpty();
        WorkflowChecks.Check(RepositoryFiles.Rollback, WorkflowKind.Rollback).ShouldBeEmpty();
        WorkflowChecks.CheckReleaseAndRollback(RepositoryFiles.Release, RepositoryFiles.Rollback).ShouldBeEmpty();
    }

    [Fact]
    public void Release_Jobs_CoverEveryStageInOrderAndDisplayTheirPosition()
    {
        var stages = RepositoryFiles.Release.Jobs.Select(job => JobStages.StageOf(job.Id)).ToList();

        stages.ShouldBe(Enum.GetValues<PipelineStage>().Cast<PipelineStage?>());
        RepositoryFiles.Release.Jobs.Select(job => job.Name![..1])
            .ShouldBe(["1", "2", "3", "4", "5", "6", "7"], "display names start with the stage's position, so the order shows in GitHub");
        RepositoryFiles.Release.Job("production-secondary")!.Needs.ShouldContain("production-primary");
        RepositoryFiles.Release.Job("production-primary")!.Needs.ShouldContain("approval");
    }

    [Fact]
    public void Ci_Jobs_RunBuildThenTestThenScan()
    {
        RepositoryFiles.Ci.Jobs.Select(job => JobStages.StageOf(job.Id)).Distinct()
            .ShouldBe([PipelineStage.Build, PipelineStage.Test, PipelineStage.Scan]);
    }

    [Fact]
    public void Workflows_IdTokenWrite_OnlyOnJobsThatAssumeARoleInsideAnEnvironment()
    {
        foreach (var workflow in new[] { RepositoryFiles.Ci, RepositoryFiles.Release, RepositoryFiles.Rollback })
        {
            workflow.Permissions.ShouldBe(new Dictionary<string, string> { ["contents"] = "read" }, workflow.Path);
            foreach (var job in workflow.Jobs)
            {
                var token = job.Permissions?.GetValueOrDefault("id-token") == "write";
                token.ShouldBe(job.AssumesRole, $"{workflow.Path} {job.Id}");
                (job.AssumesRole ? job.Environment : "n/a").ShouldNotBeNull();
            }
        }

        RepositoryFiles.Ci.Jobs.ShouldNotContain(job => job.AssumesRole);
        RepositoryFiles.Release.Jobs.Where(job => job.AssumesRole).Select(job => (job.Id, job.Environment))
            .ShouldBe([("staging", "staging"), ("production-primary", "prod"), ("production-secondary", "prod")]);
    }

    [Fact]
    public void ReleaseAndRollback_DeployingJobs_ShareOneNonCancellingGroupPerEnvironmentRegion()
    {
        string[] expected = ["deploy-staging", "deploy-prod-us-east-1", "deploy-prod-us-east-2"];
        foreach (var workflow in new[] { RepositoryFiles.Release, RepositoryFiles.Rollback })
        {
            var deploying = workflow.Jobs.Where(job => job.AssumesRole).ToList();
            deploying.Select(job => job.Concurrency!.Group).ShouldBe(expected, workflow.Path);
            deploying.ShouldAllBe(job => job.Concurrency!.NeverCancels);
        }
    }

    [Fact]
    public void Approval_UsesTheProductionEnvironmentAndAssumesNoRole()
    {
        var approval = RepositoryFiles.Release.Job("approval")!;

        approval.Environment.ShouldBe("production");
        approval.AssumesRole.ShouldBeFalse();
    }

    [Fact]
    public void Workflows_ServiceName_MatchesTheManifest()
    {
        var manifest = new YamlStream();
        manifest.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "cutover.yaml"))));
        var service = (YamlMappingNode)((YamlMappingNode)manifest.Documents[0].RootNode)["service"];
        var name = ((YamlScalarNode)service["name"]).Value;

        RepositoryFiles.Release.Env["SERVICE"].ShouldBe(name);
        RepositoryFiles.Rollback.Env["SERVICE"].ShouldBe(name);
        RepositoryFiles.Release.Env["ECR_REPOSITORY"].ShouldBe($"cutover/{name}");
    }
}
