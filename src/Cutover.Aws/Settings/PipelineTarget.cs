using Cutover.Pipelines;

namespace Cutover.Aws.Settings;

/// <summary>What one deploy stage of the CodePipeline releases: an environment's stacks in one account and its regions.</summary>
/// <param name="Stage">The stage this target is deployed in.</param>
/// <param name="Environment">The manifest's environment name, passed to the CDK app as <c>cutover:environment</c>.</param>
/// <param name="Account">The account the stacks live in; its CDK bootstrap roles are what the deploy project may assume.</param>
/// <param name="Regions">The regions of <paramref name="Stacks"/>.</param>
/// <param name="Stacks">The stacks <c>cdk deploy --exclusively</c> deploys, in deployment order.</param>
public sealed record PipelineTarget(PipelineStage Stage, string Environment, string Account, IReadOnlyList<string> Regions, IReadOnlyList<string> Stacks)
{
    /// <summary>The CDK bootstrap roles (default qualifier) a <c>cdk deploy</c> of these stacks assumes: deploy and file publishing.</summary>
    public IReadOnlyList<string> BootstrapRoleNames =>
        Regions.SelectMany(region => new[] { $"cdk-hnb659fds-deploy-role-{Account}-{region}", $"cdk-hnb659fds-file-publishing-role-{Account}-{region}" }).ToList();
}
