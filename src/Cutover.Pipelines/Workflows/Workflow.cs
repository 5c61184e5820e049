namespace Cutover.Pipelines.Workflows;

/// <summary>A GitHub Actions workflow file, reduced to what the pipeline checks read.</summary>
/// <param name="Path">The file the workflow was read from, as given to <see cref="WorkflowReader"/>.</param>
/// <param name="Name">The workflow's <c>name:</c>, or null.</param>
/// <param name="Triggers">The events under <c>on:</c>, such as <c>push</c> or <c>workflow_dispatch</c>.</param>
/// <param name="Permissions">Top-level <c>permissions:</c> (scope to access); null when absent, which grants the repository default.</param>
/// <param name="Concurrency">Top-level <c>concurrency:</c>, or null.</param>
/// <param name="Env">Top-level <c>env:</c>.</param>
/// <param name="Jobs">The jobs in file order.</param>
public sealed record Workflow(
    string Path,
    string? Name,
    IReadOnlyList<string> Triggers,
    IReadOnlyDictionary<string, string>? Permissions,
    WorkflowConcurrency? Concurrency,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<WorkflowJob> Jobs)
{
    /// <summary>The job with this id, or null.</summary>
    public WorkflowJob? Job(string id) => Jobs.FirstOrDefault(job => job.Id == id);
}
