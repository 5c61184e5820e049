namespace Cutover.Pipelines.Workflows;

/// <summary>
/// Jobs run in <see cref="PipelineStage"/> order: each job's id names a stage, no job needs a later stage, and (for a
/// release) a job starts only after every job of every earlier stage succeeded, through its <c>needs:</c> chain. A
/// rollback deploys one chosen environment, so there only the secondary production region must wait for the primary.
/// </summary>
internal static class StageOrderCheck
{
    public static IEnumerable<WorkflowFinding> Check(Workflow workflow, bool requireCompleteChain)
    {
        var stages = workflow.Jobs.ToDictionary(job => job.Id, job => JobStages.StageOf(job.Id), StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            if (stages[job.Id] is null)
            {
                yield return Finding(workflow, job, WorkflowRules.StageUnknown,
                    $"the job id names no pipeline stage; start it with one of {string.Join(", ", Enum.GetValues<PipelineStage>().Select(JobStages.IdPrefix))}");
            }

            foreach (var need in job.Needs)
            {
                if (!stages.TryGetValue(need, out var needStage))
                {
                    yield return Finding(workflow, job, WorkflowRules.NeedsUnknown, $"needs '{need}', which is not a job of this workflow");
                }
                else if (stages[job.Id] is { } stage && needStage > stage)
                {
                    yield return Finding(workflow, job, WorkflowRules.StageOrder,
                        $"a {stage} job needs '{need}' of the later stage {needStage}");
                }
            }
        }

        foreach (var job in workflow.Jobs)
        {
            if (stages[job.Id] is not { } stage)
            {
                continue;
            }

            var before = Ancestors(workflow, job.Id);
            var required = workflow.Jobs.Where(other => stages[other.Id] is { } otherStage && (requireCompleteChain
                ? otherStage < stage
                : stage == PipelineStage.ProductionSecondary && otherStage == PipelineStage.ProductionPrimary));
            foreach (var missing in required.Where(other => !before.Contains(other.Id)))
            {
                yield return Finding(workflow, job, WorkflowRules.StageChain,
                    $"a {stage} job can start before '{missing.Id}' ({stages[missing.Id]}) succeeded; add it to needs:");
            }
        }
    }

    /// <summary>Every job <paramref name="jobId"/> waits for, directly or through other jobs' needs.</summary>
    private static HashSet<string> Ancestors(Workflow workflow, string jobId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(workflow.Job(jobId)?.Needs ?? []);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id) && workflow.Job(id) is { } job)
            {
                foreach (var need in job.Needs)
                {
                    pending.Push(need);
                }
            }
        }

        return seen;
    }

    private static WorkflowFinding Finding(Workflow workflow, WorkflowJob job, string rule, string message) =>
        new(workflow.Path, job.Line, rule, job.Id, message);
}
