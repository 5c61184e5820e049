using Amazon.CDK;
using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>
/// What every Cutover stack shares: a fixed account and region (the two regions' stacks reference each other through
/// CDK's cross-region references, which need both), the ownership tags on every resource, termination protection in
/// environments with deletion protection, and its own KMS key.
/// </summary>
internal abstract class CutoverStack : Stack
{
    protected CutoverStack(Construct scope, string concern, Deployment deployment, RegionPlan region, string description)
        : base(scope, $"{deployment.Prefix}-{concern}-{region.ShortName}", new StackProps
        {
            StackName = $"{deployment.Prefix}-{concern}-{region.ShortName}",
            Env = new Amazon.CDK.Environment { Account = deployment.Account, Region = region.Region },
            CrossRegionReferences = true,
            Description = $"Cutover {deployment.Prefix} {region.Region}: {description}",
            TerminationProtection = deployment.Settings.DeletionProtection,
        })
    {
        Deployment = deployment;
        Plan = region;

        // Seeds the availability-zone lookup as cdk.context.json would, so synthesis never calls AWS: the VPC takes its
        // zones from the region plan and the CDK checks them against this list. Context must be set before any child.
        Node.SetContext($"availability-zones:account={deployment.Account}:region={region.Region}", region.AvailabilityZones.ToArray());
        Amazon.CDK.Tags.Of(this).Add("project", deployment.ServiceName);
        Amazon.CDK.Tags.Of(this).Add("environment", deployment.Environment.Name);
        Amazon.CDK.Tags.Of(this).Add("owner", deployment.Aws.Owner);
        Amazon.CDK.Tags.Of(this).Add("cost-centre", deployment.Aws.CostCentre);
        Amazon.CDK.Tags.Of(this).Add("managed-by", "cutover");
    }

    public Deployment Deployment { get; }

    public RegionPlan Plan { get; }

    protected RemovalPolicy Removal => Deployment.Settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    protected PlatformKey CreateKey(string concern) =>
        new(this, "Key", $"alias/cutover/{Deployment.Prefix}-{concern}", Removal);
}
