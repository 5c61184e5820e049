using Amazon.CDK;
using Amazon.CDK.AWS.ECS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-ECS-2: ECS clusters have Container Insights on.</summary>
internal sealed class ClusterHasContainerInsights : ComplianceRule
{
    public override string Id => "CUT-ECS-2";

    public override string Title => "ECS clusters have Container Insights";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnCluster cluster &&
            !resolve(cluster.ClusterSettings).Items().Any(s => s.Get("Name").Text() == "containerInsights" && s.Get("Value").Text() is "enabled" or "enhanced"))
        {
            yield return "the cluster has no Container Insights; set ContainerInsights";
        }
    }
}
