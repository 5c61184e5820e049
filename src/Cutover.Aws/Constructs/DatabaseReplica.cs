using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The secondary region's cross-region read replica. CDK 2.160's replica L2 builds the source ARN in its own region and
/// has no KMS key for the replica's region (aws-cdk issues 12838 and 28998), so this is the L1 resource with the source
/// named by its full ARN (built from the primary's fixed identifier, no cross-region reference) and this region's key.
/// </summary>
internal sealed class DatabaseReplica : Construct
{
    public DatabaseReplica(Construct scope, string id, Deployment deployment, IVpc vpc, IKey key)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var settings = deployment.Settings;
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "Read replica: PostgreSQL from the tasks of this region",
            AllowAllOutbound = false,
        });
        var subnets = new SubnetGroup(this, "Subnets", new SubnetGroupProps
        {
            Vpc = vpc,
            Description = "Isolated subnets of the read replica",
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.DataSubnets },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var parameters = new CfnDBParameterGroup(this, "Parameters", new CfnDBParameterGroupProps
        {
            Family = "postgres16",
            Description = "TLS only",
            Parameters = new Dictionary<string, object> { ["rds.force_ssl"] = "1" },
        });

        MonitoringRole = new Role(this, "MonitoringRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("monitoring.rds.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole")],
        });
        SourceArn = $"arn:{stack.Partition}:rds:{deployment.Primary.Region}:{deployment.Account}:db:{deployment.DatabaseIdentifier}";
        Instance = new CfnDBInstance(this, "Instance", new CfnDBInstanceProps
        {
            DbInstanceIdentifier = $"{deployment.DatabaseIdentifier}-replica",
            SourceDbInstanceIdentifier = SourceArn,
            SourceRegion = deployment.Primary.Region,
            DbInstanceClass = $"db.{settings.DatabaseInstanceClass}",
            // No StorageEncrypted: a replica inherits its source's encryption, and RDS refuses the property together with
            // SourceDBInstanceIdentifier (CloudFormation Validate F3020). KmsKeyId is still needed: the key is per region.
            KmsKeyId = key.KeyArn,
            PubliclyAccessible = false,
            DbSubnetGroupName = subnets.SubnetGroupName,
            VpcSecurityGroups = [SecurityGroup.SecurityGroupId],
            DbParameterGroupName = parameters.Ref,
            DeletionProtection = settings.DeletionProtection,
            // Enhanced Monitoring (HIPAA/NIST RDSEnhancedMonitoringEnabled), as on the primary.
            MonitoringInterval = 60,
            MonitoringRoleArn = MonitoringRole.RoleArn,
            CopyTagsToSnapshot = true,
            AutoMinorVersionUpgrade = true,
        });
    }

    public CfnDBInstance Instance { get; }

    /// <summary>The role RDS Enhanced Monitoring publishes the replica's OS metrics with.</summary>
    public Role MonitoringRole { get; }

    public SecurityGroup SecurityGroup { get; }

    public string SourceArn { get; }

    public string Endpoint => Instance.AttrEndpointAddress;
}
