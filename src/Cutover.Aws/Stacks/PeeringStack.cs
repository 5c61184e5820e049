using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>
/// The VPC peering, requested from the primary region, with the primary side's routes. A stack of its own because it
/// needs the secondary VPC's id (a cross-region reference), while the secondary routes need the peering's id: in one
/// network stack per region that would be a cycle.
/// </summary>
internal sealed class PeeringStack : CutoverStack
{
    public PeeringStack(Construct scope, Deployment deployment, NetworkStack primary, NetworkStack secondary)
        : base(scope, "peering", deployment, deployment.Primary, $"VPC peering to {deployment.Secondary.Region} and its routes")
    {
        Peering = new Peering(this, "Peering", new PeeringProps
        {
            Vpc = primary.Network.Vpc,
            PeerVpcId = secondary.Network.Vpc.VpcId,
            PeerRegion = deployment.Secondary.Region,
            PeerAccount = deployment.Account,
            PeerAppSubnetCidrs = secondary.Network.AppSubnetCidrs,
            PeerDataSubnetCidrs = secondary.Network.DataSubnetCidrs,
        });
    }

    public Peering Peering { get; }
}
