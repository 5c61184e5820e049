namespace Cutover.Pipelines.Workflows;

/// <summary>A <c>concurrency:</c> setting, at the workflow's or a job's level.</summary>
/// <param name="Group">The group as written (it may contain <c>${{ }}</c> expressions).</param>
/// <param name="CancelInProgress"><c>cancel-in-progress</c> as written (<c>true</c>, <c>false</c> or an expression), or null when absent.</param>
public sealed record WorkflowConcurrency(string Group, string? CancelInProgress)
{
    /// <summary>True only when <c>cancel-in-progress</c> is written as the literal <c>false</c>.</summary>
    public bool NeverCancels => string.Equals(CancelInProgress, "false", StringComparison.OrdinalIgnoreCase);
}
