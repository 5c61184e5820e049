using Amazon.CDK.AWS.GuardDuty;
using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Cutover.Core.Manifest;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>
/// The region's security baseline: GuardDuty, AWS Config rules and, in the primary region when GitHub Actions releases
/// the service, the GitHub OIDC deploy role.
/// </summary>
internal sealed class SecurityStack : CutoverStack
{
    public SecurityStack(Construct scope, Deployment deployment, RegionPlan region)
        : base(
            scope,
            "security",
            deployment,
            region,
            deployment.Manifest.Pipeline.Provider == PipelineProvider.GitHubActions ? "GuardDuty, AWS Config rules, GitHub OIDC deploy role" : "GuardDuty, AWS Config rules")
    {
        if (deployment.Settings.CreateGuardDutyDetector)
        {
            Detector = new CfnDetector(this, "GuardDuty", new CfnDetectorProps
            {
                Enable = true,
                FindingPublishingFrequency = "FIFTEEN_MINUTES",
            });
        }

        Config = new ConfigRules(this, "Config", deployment, region);
        // With CodePipeline the release runs inside the account (DeliveryPipeline); GitHub needs no way in.
        if (region.IsPrimary && deployment.Manifest.Pipeline.Provider == PipelineProvider.GitHubActions)
        {
            GitHub = new GitHubDeployRole(this, "GitHub", deployment);
        }
    }

    public CfnDetector? Detector { get; }

    public ConfigRules Config { get; }

    public GitHubDeployRole? GitHub { get; }
}
