namespace Cutover.Pipelines.Workflows;

/// <summary>The ids of the workflow checks' rules, as <see cref="WorkflowFinding.Rule"/> carries them.</summary>
public static class WorkflowRules
{
    /// <summary>The file is not a readable workflow (YAML error, no <c>jobs:</c>).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>A job id names no <see cref="PipelineStage"/> (see <see cref="JobStages"/>).</summary>
    public const string StageUnknown = "stage-unknown";

    /// <summary>A job needs a job that does not exist.</summary>
    public const string NeedsUnknown = "needs-unknown";

    /// <summary>A job needs a job of a later stage.</summary>
    public const string StageOrder = "stage-order";

    /// <summary>A job can start before every job of an earlier stage has succeeded (not in its <c>needs:</c>, directly or through others).</summary>
    public const string StageChain = "stage-chain";

    /// <summary>The workflow's top-level permissions are absent or more than <c>contents: read</c>.</summary>
    public const string TopLevelPermissions = "top-level-permissions";

    /// <summary>A job (or the whole workflow) may request an OIDC token but assumes no role.</summary>
    public const string TokenWithoutRole = "oidc-token-without-role";

    /// <summary>A job assumes a role without its own <c>id-token: write</c>.</summary>
    public const string RoleWithoutToken = "oidc-role-without-token";

    /// <summary>A job assumes a role outside a GitHub environment, so the role's trust cannot pin it to one.</summary>
    public const string RoleWithoutEnvironment = "oidc-role-without-environment";

    /// <summary>Long-lived AWS access keys appear (action inputs, env variables or secrets).</summary>
    public const string LongLivedKeys = "long-lived-keys";

    /// <summary>A deploying job has no concurrency group, or one that does not name its environment.</summary>
    public const string ConcurrencyMissing = "concurrency-missing";

    /// <summary>A deploying job's concurrency may cancel a deployment in progress.</summary>
    public const string ConcurrencyCancels = "concurrency-cancels";

    /// <summary>A release and its rollback use different concurrency groups for one environment.</summary>
    public const string ConcurrencyNotShared = "concurrency-not-shared";

    /// <summary>An action is referenced by a tag or branch instead of a full commit SHA (or a docker image without a digest).</summary>
    public const string ActionUnpinned = "action-unpinned";
}
