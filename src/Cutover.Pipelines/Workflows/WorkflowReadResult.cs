namespace Cutover.Pipelines.Workflows;

/// <summary>Either a workflow or the finding that says why the file could not be read as one.</summary>
/// <param name="Workflow">The workflow, or null when unreadable.</param>
/// <param name="Error">The <see cref="WorkflowRules.Unreadable"/> finding, or null when read.</param>
public sealed record WorkflowReadResult(Workflow? Workflow, WorkflowFinding? Error);
