using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class ConcurrencyCheckTests
{
    [Fact]
    public void Check_GroupNamingTheEnvironmentNeverCancelling_HasNoFindings()
    {
        ConcurrencyCheck.Check(Deploy("staging", "group: deploy-staging\n      cancel-in-progress: false")).ShouldBeEmpty();
    }

    [Fact]
    public void Check_NoConcurrency_ReportsConcurrencyMissing()
    {
        var finding = ConcurrencyCheck.Check(Deploy("staging", null)).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.ConcurrencyMissing);
        finding.Job.ShouldBe("staging");
    }

    [Fact]
    public void Check_GroupNotNamingTheEnvironment_ReportsConcurrencyMissing()
    {
        WorkflowText.Rules(ConcurrencyCheck.Check(Deploy("prod", "group: deploy\n      cancel-in-progress: false")))
            .ShouldBe([WorkflowRules.ConcurrencyMissing]);
    }

    [Theory]
    [InlineData("group: deploy-staging\n      cancel-in-progress: true")]
    [InlineData("group: deploy-staging\n      cancel-in-progress: ${{ github.event_name == 'push' }}")]
    [InlineData("group: deploy-staging")]
    public void Check_GroupThatMayCancel_ReportsConcurrencyCancels(string concurrency)
    {
        WorkflowText.Rules(ConcurrencyCheck.Check(Deploy("staging", concurrency))).ShouldBe([WorkflowRules.ConcurrencyCancels]);
    }

    [Fact]
    public void Check_JobThatDeploysNothing_NeedsNoGroup()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              approval:
                environment: production
                runs-on: x
                steps: []
            """);

        ConcurrencyCheck.Check(workflow).ShouldBeEmpty();
    }

    [Fact]
    public void CheckShared_SameGroups_HasNoFindings()
    {
        var group = "group: deploy-staging\n      cancel-in-progress: false";

        ConcurrencyCheck.CheckShared(Deploy("staging", group), Deploy("staging", group)).ShouldBeEmpty();
    }

    [Fact]
    public void CheckShared_RollbackOnAnotherGroup_ReportsConcurrencyNotShared()
    {
        var release = Deploy("staging", "group: deploy-staging\n      cancel-in-progress: false");
        var rollback = Deploy("staging", "group: rollback-staging\n      cancel-in-progress: false");

        var finding = ConcurrencyCheck.CheckShared(release, rollback).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.ConcurrencyNotShared);
        finding.Message.ShouldContain("[deploy-staging]");
        finding.Message.ShouldContain("[rollback-staging]");
    }

    private static Workflow Deploy(string environment, string? concurrency) => WorkflowText.Read($$"""
        on: push
        jobs:
          staging:
            runs-on: x
            environment: {{environment}}
        {{(concurrency is null ? string.Empty : "    concurrency:\n      " + concurrency)}}
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@11bd71901bbe5b1630ceea73d27597364c9af683
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/deploy
        """);
}
