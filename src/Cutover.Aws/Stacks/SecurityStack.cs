using Amazon.CDK.AWS.GuardDuty;
using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>The region's security baseline: GuardDuty, AWS Config rules and, in the primary region, the GitHub Actions deploy role.</summary>
internal sealed class SecurityStack : CutoverStack
{
    public SecurityStack(Construct scope, Deployment deployment, RegionPlan region)
        : base(scope, "security", deployment, region, "GuardDuty, AWS Config rules, GitHub OIDC deploy role")
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
        if (region.IsPrimary)
        {
            GitHub = new GitHubDeployRole(this, "GitHub", deployment);
        }
    }

    public CfnDetector? Detector { get; }

    public ConfigRules Config { get; }

    public GitHubDeployRole? GitHub { get; }
}
