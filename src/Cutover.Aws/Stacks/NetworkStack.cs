using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>The region's VPC, endpoints and flow logs.</summary>
internal sealed class NetworkStack : CutoverStack
{
    public NetworkStack(Construct scope, Deployment deployment, RegionPlan region)
        : base(scope, "network", deployment, region, "VPC, subnets, NAT, endpoints and flow logs")
    {
        Network = new Network(this, "Network", deployment, region, CreateKey("network").Key);
    }

    public Network Network { get; }
}
