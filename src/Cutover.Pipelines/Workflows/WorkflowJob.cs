namespace Cutover.Pipelines.Workflows;

/// <summary>One job of a workflow.</summary>
/// <param name="Id">The job's key under <c>jobs:</c>; its stage follows from it (<see cref="JobStages"/>).</param>
/// <param name="Name">The job's display <c>name:</c>, or null.</param>
/// <param name="Line">The line of the job's key, 1-based.</param>
/// <param name="Needs">The ids under <c>needs:</c>.</param>
/// <param name="Environment">The GitHub environment's name (<c>environment:</c> or <c>environment.name:</c>), or null.</param>
/// <param name="Permissions">Job-level <c>permissions:</c>; null inherits the workflow's.</param>
/// <param name="Concurrency">Job-level <c>concurrency:</c>, or null.</param>
/// <param name="Env">Job-level <c>env:</c>.</param>
/// <param name="Steps">The steps in order.</param>
public sealed record WorkflowJob(
    string Id,
    string? Name,
    int Line,
    IReadOnlyList<string> Needs,
    string? Environment,
    IReadOnlyDictionary<string, string>? Permissions,
    WorkflowConcurrency? Concurrency,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<WorkflowStep> Steps)
{
    /// <summary>The action that exchanges the job's OIDC token for AWS credentials.</summary>
    public const string AwsCredentialsAction = "aws-actions/configure-aws-credentials";

    /// <summary>True when a step assumes an AWS role: <see cref="AwsCredentialsAction"/> with <c>role-to-assume</c>.</summary>
    public bool AssumesRole => Steps.Any(step => step.Action == AwsCredentialsAction && step.With.ContainsKey("role-to-assume"));
}
