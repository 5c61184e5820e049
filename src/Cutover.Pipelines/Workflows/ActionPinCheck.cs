using System.Text.RegularExpressions;

namespace Cutover.Pipelines.Workflows;

/// <summary>
/// Every action not in this repository is pinned to a full 40-character commit SHA (GitHub's own <c>actions/*</c>
/// too: a tag can be moved to other code, a SHA cannot), and every <c>docker://</c> action to an image digest.
/// </summary>
internal static partial class ActionPinCheck
{
    public static IEnumerable<WorkflowFinding> Check(Workflow workflow)
    {
        foreach (var job in workflow.Jobs)
        {
            foreach (var step in job.Steps)
            {
                if (step.Uses is not { } uses || uses.StartsWith("./", StringComparison.Ordinal))
                {
                    continue;
                }

                if (uses.StartsWith("docker://", StringComparison.Ordinal))
                {
                    if (!uses.Contains("@sha256:", StringComparison.Ordinal))
                    {
                        yield return new WorkflowFinding(workflow.Path, step.Line, WorkflowRules.ActionUnpinned, job.Id,
                            $"{uses} is not pinned to an image digest (@sha256:...)");
                    }
                }
                else if (step.Ref is not { } reference || !CommitSha().IsMatch(reference))
                {
                    yield return new WorkflowFinding(workflow.Path, step.Line, WorkflowRules.ActionUnpinned, job.Id,
                        $"{uses} is not pinned to a full commit SHA; use {step.Action}@<40 hex digits> # <tag>");
                }
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitSha();
}
