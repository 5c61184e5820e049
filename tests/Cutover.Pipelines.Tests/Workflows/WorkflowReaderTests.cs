using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class WorkflowReaderTests
{
    [Fact]
    public void Read_FullJob_ReadsEveryFieldTheChecksUse()
    {
        var workflow = WorkflowText.Read("""
            name: release
            on:
              push:
                branches: [main]
              workflow_dispatch:
            permissions:
              contents: read
            env:
              SERVICE: sample
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make
              staging:
                name: 4 staging
                needs: build
                runs-on: ubuntu-latest
                environment:
                  name: staging
                  url: https://example.com
                concurrency:
                  group: deploy-staging
                  cancel-in-progress: false
                permissions:
                  id-token: write
                steps:
                  - name: creds
                    uses: aws-actions/configure-aws-credentials@0123456789012345678901234567890123456789
                    with:
                      role-to-assume: arn:aws:iam::1:role/x
                    env:
                      A: b
            """);

        workflow.Name.ShouldBe("release");
        workflow.Triggers.ShouldBe(["push", "workflow_dispatch"]);
        workflow.Permissions.ShouldBe(new Dictionary<string, string> { ["contents"] = "read" });
        workflow.Env["SERVICE"].ShouldBe("sample");
        var staging = workflow.Job("staging")!;
        staging.Name.ShouldBe("4 staging");
        staging.Line.ShouldBe(15);
        staging.Needs.ShouldBe(["build"]);
        staging.Environment.ShouldBe("staging");
        staging.Concurrency.ShouldBe(new WorkflowConcurrency("deploy-staging", "false"));
        staging.Permissions!["id-token"].ShouldBe("write");
        staging.AssumesRole.ShouldBeTrue();
        var step = staging.Steps.ShouldHaveSingleItem();
        step.Line.ShouldBe(28);
        step.Action.ShouldBe("aws-actions/configure-aws-credentials");
        step.Ref.ShouldBe("0123456789012345678901234567890123456789");
        step.Env["A"].ShouldBe("b");
        workflow.Job("build")!.AssumesRole.ShouldBeFalse();
    }

    [Fact]
    public void Read_ScalarForms_AreReadLikeTheirLongForms()
    {
        var workflow = WorkflowText.Read("""
            on: [push, pull_request]
            permissions: read-all
            concurrency: one-at-a-time
            jobs:
              test:
                environment: prod
                runs-on: ubuntu-latest
                steps:
                  - uses: ./local-action
            """);

        workflow.Triggers.ShouldBe(["push", "pull_request"]);
        workflow.Permissions.ShouldBe(new Dictionary<string, string> { ["*"] = "read-all" });
        workflow.Concurrency.ShouldBe(new WorkflowConcurrency("one-at-a-time", null));
        workflow.Job("test")!.Environment.ShouldBe("prod");
        workflow.Job("test")!.Steps[0].Ref.ShouldBeNull();
    }

    [Theory]
    [InlineData("on: push\njobs: [a, b\n", 3)]
    [InlineData("on: push\n", 1)]
    [InlineData("- a\n- b\n", 1)]
    public void Read_NotAWorkflow_ReturnsAnUnreadableFindingInsteadOfThrowing(string text, int line)
    {
        var result = WorkflowReader.Read("bad.yml", text);

        result.Workflow.ShouldBeNull();
        result.Error!.Rule.ShouldBe(WorkflowRules.Unreadable);
        result.Error.Line.ShouldBe(line);
    }
}
