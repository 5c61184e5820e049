namespace Cutover.Pipelines.Workflows;

/// <summary>
/// AWS access through OIDC only: the workflow grants <c>contents: read</c> and nothing more at the top; a job asks for
/// <c>id-token: write</c> exactly when it assumes a role, and does so inside a GitHub environment (the deploy role
/// trusts <c>repo:OWNER/REPO:environment:NAME</c>); no long-lived access key appears anywhere.
/// </summary>
internal static class OidcCheck
{
    private static readonly string[] KeyInputs = ["aws-access-key-id", "aws-secret-access-key", "aws-session-token"];
    private static readonly string[] KeyVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    public static IEnumerable<WorkflowFinding> Check(Workflow workflow)
    {
        if (workflow.Permissions is not { } top)
        {
            yield return new WorkflowFinding(workflow.Path, 1, WorkflowRules.TopLevelPermissions, null,
                "no top-level permissions: jobs get the repository's default token scopes; set permissions: contents: read");
        }
        else
        {
            if (GrantsToken(top))
            {
                yield return new WorkflowFinding(workflow.Path, 1, WorkflowRules.TokenWithoutRole, null,
                    "id-token: write at the top lets every job request an OIDC token; grant it only on the jobs that assume a role");
            }

            foreach (var (scope, access) in top.Where(p => p.Value is not ("read" or "none") && !(p.Key == "id-token" && p.Value == "write")))
            {
                yield return new WorkflowFinding(workflow.Path, 1, WorkflowRules.TopLevelPermissions, null,
                    $"top-level permission {scope}: {access} applies to every job; keep contents: read at the top and grant more on the job that needs it");
            }
        }

        foreach (var job in workflow.Jobs)
        {
            var token = job.Permissions is { } permissions && GrantsToken(permissions);
            if (token && !job.AssumesRole)
            {
                yield return Finding(workflow, job, job.Line, WorkflowRules.TokenWithoutRole,
                    $"id-token: write without a {WorkflowJob.AwsCredentialsAction} step with role-to-assume; remove it");
            }

            if (job.AssumesRole && !token)
            {
                yield return Finding(workflow, job, job.Line, WorkflowRules.RoleWithoutToken,
                    "assumes an AWS role but does not grant itself id-token: write (permissions on the job, not the workflow)");
            }

            if (job.AssumesRole && job.Environment is null)
            {
                yield return Finding(workflow, job, job.Line, WorkflowRules.RoleWithoutEnvironment,
                    "assumes an AWS role outside a GitHub environment; the deploy role trusts only environment:NAME subjects");
            }
        }

        foreach (var (job, line, source, name, value) in Settings(workflow))
        {
            if (KeyInputs.Contains(name, StringComparer.OrdinalIgnoreCase) || KeyVariables.Contains(name, StringComparer.OrdinalIgnoreCase)
                || KeyVariables.Any(key => value.Contains("secrets." + key, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new WorkflowFinding(workflow.Path, line, WorkflowRules.LongLivedKeys, job?.Id,
                    $"{source} {name} carries a long-lived AWS key; assume a role through OIDC (role-to-assume) instead");
            }
        }
    }

    private static bool GrantsToken(IReadOnlyDictionary<string, string> permissions) =>
        (permissions.TryGetValue("id-token", out var access) && access == "write")
        || (permissions.TryGetValue("*", out var all) && all == "write-all");

    private static IEnumerable<(WorkflowJob? Job, int Line, string Source, string Name, string Value)> Settings(Workflow workflow)
    {
        foreach (var (name, value) in workflow.Env)
        {
            yield return (null, 1, "env", name, value);
        }

        foreach (var job in workflow.Jobs)
        {
            foreach (var (name, value) in job.Env)
            {
                yield return (job, job.Line, "env", name, value);
            }

            foreach (var step in job.Steps)
            {
                foreach (var (name, value) in step.Env)
                {
                    yield return (job, step.Line, "env", name, value);
                }

                foreach (var (name, value) in step.With)
                {
                    yield return (job, step.Line, "input", name, value);
                }

                if (step.Run is { } run)
                {
                    yield return (job, step.Line, "run", "script", run);
                }
            }
        }
    }

    private static WorkflowFinding Finding(Workflow workflow, WorkflowJob job, int line, string rule, string message) =>
        new(workflow.Path, line, rule, job.Id, message);
}
