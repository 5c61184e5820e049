using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

internal sealed record DatabaseProps
{
    public required Deployment Deployment { get; init; }

    public required IVpc Vpc { get; init; }

    public required IKey Key { get; init; }

    /// <summary>The secondary region's task subnets, allowed to the proxy over the peering.</summary>
    public required IReadOnlyList<string> PeerAppSubnetCidrs { get; init; }
}
