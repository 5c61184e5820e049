using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Cutover.Aws.Constructs;

internal sealed record PeeringProps
{
    public required IVpc Vpc { get; init; }

    /// <summary>The existing peering (secondary side); null to create it (primary side).</summary>
    public string? ConnectionId { get; init; }

    public string? PeerVpcId { get; init; }

    public required string PeerRegion { get; init; }

    public required string PeerAccount { get; init; }

    public required IReadOnlyList<string> PeerAppSubnetCidrs { get; init; }

    public required IReadOnlyList<string> PeerDataSubnetCidrs { get; init; }
}
