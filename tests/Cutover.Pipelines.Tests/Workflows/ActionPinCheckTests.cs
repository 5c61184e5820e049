using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class ActionPinCheckTests
{
    [Theory]
    [InlineData("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")]
    [InlineData("github/codeql-action/init@11bd71901bbe5b1630ceea73d27597364c9af683")]
    [InlineData("./.github/actions/local")]
    [InlineData("docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public void Check_PinnedOrLocal_HasNoFindings(string uses)
    {
        ActionPinCheck.Check(Uses(uses)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("actions/checkout@v4")]
    [InlineData("actions/checkout@v4.2.2")]
    [InlineData("aquasecurity/trivy-action@master")]
    [InlineData("actions/checkout@11bd719")]
    [InlineData("actions/checkout@11BD71901BBE5B1630CEEA73D27597364C9AF683")]
    [InlineData("actions/checkout")]
    [InlineData("docker://alpine:3.20")]
    public void Check_TagBranchShortShaOrNoRef_ReportsActionUnpinned(string uses)
    {
        var finding = ActionPinCheck.Check(Uses(uses)).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(WorkflowRules.ActionUnpinned);
        finding.Line.ShouldBe(6);
        finding.Message.ShouldStartWith(uses);
    }

    private static Workflow Uses(string uses) => WorkflowText.Read($"""
        on: push
        jobs:
          build:
            runs-on: x
            steps:
              - uses: {uses}
        """);
}
