namespace Cutover.Pipelines.Workflows;

/// <summary>What a workflow is for; it decides which rules apply (see <see cref="WorkflowChecks.Check"/>).</summary>
public enum WorkflowKind
{
    /// <summary>Builds, tests and scans; deploys nothing (the <c>ci</c> workflow).</summary>
    Integration,

    /// <summary>Runs the stages in order up to production (the <c>release</c> workflow).</summary>
    Release,

    /// <summary>Deploys an earlier version to one environment chosen at dispatch (the <c>rollback</c> workflow): its
    /// environments are alternatives, so only the production regions must chain.</summary>
    Rollback,
}
