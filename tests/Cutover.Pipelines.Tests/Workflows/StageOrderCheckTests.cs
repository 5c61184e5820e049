using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class StageOrderCheckTests
{
    [Fact]
    public void Check_CompleteChain_HasNoFindings()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              build: { runs-on: x, steps: [] }
              build-image: { runs-on: x, steps: [] }
              test: { needs: [build, build-image], runs-on: x, steps: [] }
              scan: { needs: test, runs-on: x, steps: [] }
              staging: { needs: scan, runs-on: x, steps: [] }
            """);

        StageOrderCheck.Check(workflow, requireCompleteChain: true).ShouldBeEmpty();
    }

    [Fact]
    public void Check_JobIdNamingNoStage_ReportsStageUnknown()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              deploy: { runs-on: x, steps: [] }
            """);

        var finding = StageOrderCheck.Check(workflow, requireCompleteChain: true).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.StageUnknown);
        finding.Job.ShouldBe("deploy");
        finding.Line.ShouldBe(3);
    }

    [Fact]
    public void Check_NeedsALaterStage_ReportsStageOrder()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              test: { needs: scan, runs-on: x, steps: [] }
              scan: { runs-on: x, steps: [] }
            """);

        WorkflowText.Rules(StageOrderCheck.Check(workflow, requireCompleteChain: false)).ShouldBe([WorkflowRules.StageOrder]);
    }

    [Fact]
    public void Check_NeedsAMissingJob_ReportsNeedsUnknown()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              test: { needs: build, runs-on: x, steps: [] }
            """);

        WorkflowText.Rules(StageOrderCheck.Check(workflow, requireCompleteChain: false)).ShouldBe([WorkflowRules.NeedsUnknown]);
    }

    [Fact]
    public void Check_ProductionNotWaitingForApproval_ReportsStageChain()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              staging: { runs-on: x, steps: [] }
              approval: { needs: staging, runs-on: x, steps: [] }
              production-primary: { needs: staging, runs-on: x, steps: [] }
            """);

        var finding = StageOrderCheck.Check(workflow, requireCompleteChain: true).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.StageChain);
        finding.Job.ShouldBe("production-primary");
        finding.Message.ShouldContain("'approval' (Approval)");
    }

    [Fact]
    public void Check_ParallelScanNotWaitingForTests_ReportsStageChain()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              build: { runs-on: x, steps: [] }
              test: { needs: build, runs-on: x, steps: [] }
              scan: { needs: build, runs-on: x, steps: [] }
            """);

        WorkflowText.Rules(StageOrderCheck.Check(workflow, requireCompleteChain: true)).ShouldBe([WorkflowRules.StageChain]);
    }

    [Fact]
    public void Check_RollbackWithAlternativeEnvironments_OnlyRequiresTheRegionsInOrder()
    {
        var workflow = WorkflowText.Read("""
            on: workflow_dispatch
            jobs:
              staging: { runs-on: x, steps: [] }
              production-primary: { runs-on: x, steps: [] }
              production-secondary: { needs: production-primary, runs-on: x, steps: [] }
            """);

        StageOrderCheck.Check(workflow, requireCompleteChain: false).ShouldBeEmpty();
        WorkflowText.Rules(StageOrderCheck.Check(workflow, requireCompleteChain: true))
            .ShouldBe([WorkflowRules.StageChain, WorkflowRules.StageChain], "as a release both production jobs would have to wait for staging");
    }

    [Fact]
    public void Check_SecondaryRegionNotWaitingForPrimary_ReportsStageChainEvenForARollback()
    {
        var workflow = WorkflowText.Read("""
            on: workflow_dispatch
            jobs:
              production-primary: { runs-on: x, steps: [] }
              production-secondary: { runs-on: x, steps: [] }
            """);

        var finding = StageOrderCheck.Check(workflow, requireCompleteChain: false).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.StageChain);
        finding.Job.ShouldBe("production-secondary");
    }

    [Fact]
    public void Check_CyclicNeeds_Terminates()
    {
        var workflow = WorkflowText.Read("""
            on: push
            jobs:
              build: { needs: test, runs-on: x, steps: [] }
              test: { needs: build, runs-on: x, steps: [] }
            """);

        WorkflowText.Rules(StageOrderCheck.Check(workflow, requireCompleteChain: true)).ShouldBe([WorkflowRules.StageOrder]);
    }
}
