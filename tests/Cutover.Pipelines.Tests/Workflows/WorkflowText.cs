using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

/// <summary>Small workflows written inline for the rule tests.</summary>
internal static class WorkflowText
{
    public const string Sha = "11bd71901bbe5b1630ceea73d27597364c9af683";

    public static Workflow Read(string text)
    {
        var result = WorkflowReader.Read("test.yml", text);
        result.Error.ShouldBeNull();
        return result.Workflow!;
    }

    public static string[] Rules(IEnumerable<WorkflowFinding> findings) => findings.Select(f => f.Rule).ToArray();
}
