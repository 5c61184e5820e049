using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// Routes over the VPC peering between the two regions, limited to what crosses: from this region's task subnets to the
/// other region's database subnets and back, so the secondary region's tasks can write through the primary's RDS Proxy.
/// The security groups (the proxy's) admit only PostgreSQL from the other region's task subnets.
/// </summary>
internal sealed class Peering : Construct
{
    public Peering(Construct scope, string id, PeeringProps props)
        : base(scope, id)
    {
        var connectionId = props.ConnectionId;
        if (connectionId is null)
        {
            Connection = new CfnVPCPeeringConnection(this, "Connection", new CfnVPCPeeringConnectionProps
            {
                VpcId = props.Vpc.VpcId,
                PeerVpcId = props.PeerVpcId!,
                PeerRegion = props.PeerRegion,
                PeerOwnerId = props.PeerAccount,
            });
            connectionId = Connection.Ref;
        }

        ConnectionId = connectionId;
        var index = 0;
        foreach (var (subnets, destinations) in new[]
        {
            (props.Vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = Network.AppSubnets }).Subnets, props.PeerDataSubnetCidrs),
            (props.Vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = Network.DataSubnets }).Subnets, props.PeerAppSubnetCidrs),
        })
        {
            foreach (var subnet in subnets)
            {
                foreach (var destination in destinations)
                {
                    new CfnRoute(this, $"Route{index++}", new CfnRouteProps
                    {
                        RouteTableId = subnet.RouteTable.RouteTableId,
                        DestinationCidrBlock = destination,
                        VpcPeeringConnectionId = connectionId,
                    });
                }
            }
        }

        RouteCount = index;
    }

    /// <summary>The peering, created in the primary region; null on the secondary side, which only adds routes.</summary>
    public CfnVPCPeeringConnection? Connection { get; }

    public string ConnectionId { get; }

    public int RouteCount { get; }
}
