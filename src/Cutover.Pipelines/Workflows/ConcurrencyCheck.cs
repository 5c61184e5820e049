namespace Cutover.Pipelines.Workflows;

/// <summary>
/// Two deployments of one environment never overlap and none is cancelled half way: every job that deploys (assumes a
/// role inside an environment) has a concurrency group naming that environment with <c>cancel-in-progress: false</c>,
/// and a release and its rollback use the same groups for each environment, so they queue behind each other.
/// </summary>
internal static class ConcurrencyCheck
{
    public static IEnumerable<WorkflowFinding> Check(Workflow workflow)
    {
        foreach (var job in Deploying(workflow))
        {
            var concurrency = job.Concurrency ?? workflow.Concurrency;
            if (concurrency is null || !concurrency.Group.Contains(job.Environment!, StringComparison.OrdinalIgnoreCase))
            {
                yield return new WorkflowFinding(workflow.Path, job.Line, WorkflowRules.ConcurrencyMissing, job.Id,
                    $"deploys to '{job.Environment}' without a concurrency group naming it (such as deploy-{job.Environment})");
            }
            else if (!concurrency.NeverCancels)
            {
                yield return new WorkflowFinding(workflow.Path, job.Line, WorkflowRules.ConcurrencyCancels, job.Id,
                    $"concurrency group '{concurrency.Group}' must set cancel-in-progress: false: a cancelled deployment stops half way");
            }
        }
    }

    public static IEnumerable<WorkflowFinding> CheckShared(Workflow release, Workflow rollback)
    {
        var released = Groups(release);
        var rolledBack = Groups(rollback);
        foreach (var environment in released.Keys.Union(rolledBack.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var a = released.GetValueOrDefault(environment) ?? [];
            var b = rolledBack.GetValueOrDefault(environment) ?? [];
            if (!a.SetEquals(b))
            {
                yield return new WorkflowFinding(rollback.Path, 1, WorkflowRules.ConcurrencyNotShared, null,
                    $"environment '{environment}': {release.Path} uses [{string.Join(", ", a.Order(StringComparer.Ordinal))}], " +
                    $"{rollback.Path} uses [{string.Join(", ", b.Order(StringComparer.Ordinal))}]; use the same groups so they never overlap");
            }
        }
    }

    private static IEnumerable<WorkflowJob> Deploying(Workflow workflow) =>
        workflow.Jobs.Where(job => job.AssumesRole && job.Environment is not null);

    private static Dictionary<string, HashSet<string>> Groups(Workflow workflow) =>
        Deploying(workflow)
            .Where(job => (job.Concurrency ?? workflow.Concurrency) is not null)
            .GroupBy(job => job.Environment!, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.Select(job => (job.Concurrency ?? workflow.Concurrency)!.Group).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
}
