using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>The secondary region's routes over the peering the primary region requested.</summary>
internal sealed class PeeringRoutesStack : CutoverStack
{
    public PeeringRoutesStack(Construct scope, Deployment deployment, NetworkStack primary, NetworkStack secondary, PeeringStack peering)
        : base(scope, "peering-routes", deployment, deployment.Secondary, $"routes over the VPC peering to {deployment.Primary.Region}")
    {
        Peering = new Peering(this, "Peering", new PeeringProps
        {
            Vpc = secondary.Network.Vpc,
            ConnectionId = peering.Peering.ConnectionId,
            PeerRegion = deployment.Primary.Region,
            PeerAccount = deployment.Account,
            PeerAppSubnetCidrs = primary.Network.AppSubnetCidrs,
            PeerDataSubnetCidrs = primary.Network.DataSubnetCidrs,
        });
    }

    public Peering Peering { get; }
}
