using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Cutover.Aws.Settings;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ElasticLoadBalancingV2.Protocol;

namespace Cutover.Aws.Constructs;

internal sealed record AlbServiceProps
{
    public required Deployment Deployment { get; init; }

    public required RegionPlan Region { get; init; }

    public required IVpc Vpc { get; init; }

    public required Amazon.CDK.AWS.ECR.IRepository Repository { get; init; }

    public required Amazon.CDK.AWS.KMS.IKey Key { get; init; }

    public required Amazon.CDK.AWS.SecretsManager.ISecret DatabaseSecret { get; init; }

    /// <summary>DB_HOST, DB_PORT, DB_NAME and, in the secondary region, DB_WRITER_HOST.</summary>
    public required IReadOnlyDictionary<string, string> DatabaseEnvironment { get; init; }

    /// <summary>The region's AppConfig feature flags; null when the manifest declares none (no agent sidecar then).</summary>
    public FeatureFlags? FeatureFlags { get; init; }
}
