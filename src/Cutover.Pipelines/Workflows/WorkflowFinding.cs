namespace Cutover.Pipelines.Workflows;

/// <summary>One problem a workflow check found: where, which rule, and why it matters.</summary>
/// <param name="Path">The workflow file.</param>
/// <param name="Line">The line, 1-based (the job's or step's line when the rule is about one; 1 for the whole file).</param>
/// <param name="Rule">The rule's id, one of <see cref="WorkflowRules"/>.</param>
/// <param name="Job">The job's id, or null for a workflow-level finding.</param>
/// <param name="Message">What is wrong and what to do instead.</param>
public sealed record WorkflowFinding(string Path, int Line, string Rule, string? Job, string Message)
{
    /// <summary><c>path:line: [rule] job: message</c>, as a linter prints it.</summary>
    public override string ToString() => $"{Path}:{Line}: [{Rule}] {(Job is null ? string.Empty : Job + ": ")}{Message}";
}
