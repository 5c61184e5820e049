namespace Cutover.Pipelines.Workflows;

/// <summary>
/// The pipeline's rules for GitHub Actions workflows, as findings (values, never exceptions): stage order through
/// <c>needs:</c>, OIDC-only AWS access, per-environment concurrency that never cancels a deployment, and actions
/// pinned to commit SHAs. <see cref="WorkflowRules"/> lists the rules.
/// </summary>
public static class WorkflowChecks
{
    /// <summary>Every rule that applies to a workflow of <paramref name="kind"/>; empty when it passes.</summary>
    public static IReadOnlyList<WorkflowFinding> Check(Workflow workflow, WorkflowKind kind)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return
        [
            .. StageOrderCheck.Check(workflow, requireCompleteChain: kind != WorkflowKind.Rollback),
            .. OidcCheck.Check(workflow),
            .. ActionPinCheck.Check(workflow),
            .. kind == WorkflowKind.Integration ? [] : ConcurrencyCheck.Check(workflow),
        ];
    }

    /// <summary>A release and its rollback serialize on the same concurrency groups for each environment.</summary>
    public static IReadOnlyList<WorkflowFinding> CheckReleaseAndRollback(Workflow release, Workflow rollback)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(rollback);
        return [.. ConcurrencyCheck.CheckShared(release, rollback)];
    }
}
