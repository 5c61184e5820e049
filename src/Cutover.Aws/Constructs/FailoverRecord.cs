using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Route53;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// This region's half of the Route 53 failover: a health check on the region's ALB (HTTPS, the manifest's readiness
/// path) and a failover alias record, PRIMARY in the first region and SECONDARY in the second. Route 53 failover has no
/// L2 in CDK 2.160, so these are the L1 resources; each region creates its own record, so no cross-region reference.
/// </summary>
internal sealed class FailoverRecord : Construct
{
    public FailoverRecord(Construct scope, string id, Deployment deployment, RegionPlan region, IApplicationLoadBalancer loadBalancer)
        : base(scope, id)
    {
        var health = deployment.Manifest.Service.HealthCheck;
        HealthCheck = new CfnHealthCheck(this, "HealthCheck", new CfnHealthCheckProps
        {
            HealthCheckConfig = new CfnHealthCheck.HealthCheckConfigProperty
            {
                Type = "HTTPS",
                FullyQualifiedDomainName = loadBalancer.LoadBalancerDnsName,
                Port = 443,
                ResourcePath = health.Path,
                RequestInterval = 10,
                FailureThreshold = 3,
                EnableSni = true,
            },
            HealthCheckTags = new object[] { new CfnHealthCheck.HealthCheckTagProperty { Key = "Name", Value = $"{deployment.Prefix}-{region.Region}" } },
        });

        Record = new CfnRecordSet(this, "Record", new CfnRecordSetProps
        {
            HostedZoneId = deployment.Aws.HostedZoneId,
            Name = deployment.Domain,
            Type = "A",
            SetIdentifier = region.Region,
            Failover = region.IsPrimary ? "PRIMARY" : "SECONDARY",
            HealthCheckId = HealthCheck.AttrHealthCheckId,
            AliasTarget = new CfnRecordSet.AliasTargetProperty
            {
                DnsName = loadBalancer.LoadBalancerDnsName,
                HostedZoneId = loadBalancer.LoadBalancerCanonicalHostedZoneId,
                EvaluateTargetHealth = true,
            },
        });

        // The region's own name, for operators and the canary of the other region.
        new CfnRecordSet(this, "RegionalRecord", new CfnRecordSetProps
        {
            HostedZoneId = deployment.Aws.HostedZoneId,
            Name = $"{region.ShortName}.{deployment.Domain}",
            Type = "A",
            AliasTarget = new CfnRecordSet.AliasTargetProperty
            {
                DnsName = loadBalancer.LoadBalancerDnsName,
                HostedZoneId = loadBalancer.LoadBalancerCanonicalHostedZoneId,
                EvaluateTargetHealth = true,
            },
        });
    }

    public CfnHealthCheck HealthCheck { get; }

    public CfnRecordSet Record { get; }
}
