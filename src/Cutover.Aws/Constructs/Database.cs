using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The primary region's PostgreSQL: Multi-AZ (staging, prod) in the isolated subnets, encrypted with the stack's KMS key,
/// TLS enforced by <c>rds.force_ssl</c>, automated backups, credentials generated into Secrets Manager (replicated to the
/// secondary region, rotated every 30 days) and an RDS Proxy the tasks connect through. The proxy also accepts the
/// secondary region's task subnets over the peering, for writes: the only traffic that crosses.
/// </summary>
internal sealed class Database : Construct
{
    public const int Port = 5432;

    public Database(Construct scope, string id, DatabaseProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var settings = deployment.Settings;
        var secondary = deployment.Secondary;
        var removal = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        var logGroup = LogGroups.Create(this, "Logs", $"/aws/rds/instance/{deployment.DatabaseIdentifier}/postgresql", props.Key, settings.LogRetentionDays, removal);
        var parameters = new ParameterGroup(this, "Parameters", new ParameterGroupProps
        {
            Engine = Engine,
            Description = "TLS only",
            Parameters = new Dictionary<string, string> { ["rds.force_ssl"] = "1" },
        });

        Instance = new DatabaseInstance(this, "Instance", new DatabaseInstanceProps
        {
            Engine = Engine,
            InstanceIdentifier = deployment.DatabaseIdentifier,
            InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(settings.DatabaseInstanceClass),
            Vpc = props.Vpc,
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.DataSubnets },
            MultiAz = settings.DatabaseMultiAz,
            StorageEncrypted = true,
            StorageEncryptionKey = props.Key,
            PubliclyAccessible = false,
            AllocatedStorage = 20,
            MaxAllocatedStorage = 200,
            StorageType = StorageType.GP3,
            DatabaseName = DatabaseName,
            ParameterGroup = parameters,
            Credentials = Credentials.FromGeneratedSecret("cutover", new CredentialsBaseOptions
            {
                SecretName = deployment.DatabaseSecretName,
                // Secrets Manager's own key, here and in the replica: a customer key would need a key-policy grant for the
                // service stack's execution role (a data -> service stack cycle), and one in the other region would have to
                // exist before this stack.
                ReplicaRegions = [new ReplicaRegion { Region = secondary.Region }],
            }),
            BackupRetention = Duration.Days(Math.Min(35, settings.BackupRetentionDays)),
            DeletionProtection = settings.DeletionProtection,
            // Enhanced Monitoring (HIPAA/NIST RDSEnhancedMonitoringEnabled): OS metrics every minute; CDK adds the role.
            MonitoringInterval = Duration.Seconds(60),
            RemovalPolicy = settings.DeletionProtection ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
            CloudwatchLogsExports = ["postgresql", "upgrade"],
            AutoMinorVersionUpgrade = true,
            CopyTagsToSnapshot = true,
        });
        Instance.Node.AddDependency(logGroup);
        Secret = Instance.Secret!;

        Instance.AddRotationSingleUser(new RotationSingleUserOptions
        {
            AutomaticallyAfter = Duration.Days(30),
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.AppSubnets },
        });

        ProxySecurityGroup = new SecurityGroup(this, "ProxySecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            // No apostrophe: GroupDescription allows only a-z A-Z 0-9 . _ - : / ( ) # , @ [ ] + = & ; { } ! $ * and space
            // (CloudFormation Validate F3031; the stack would not deploy, issue 14).
            Description = "RDS Proxy: PostgreSQL from the tasks of this region and, over the peering, of the other region",
            AllowAllOutbound = false,
        });
        foreach (var cidr in props.PeerAppSubnetCidrs)
        {
            ProxySecurityGroup.AddIngressRule(Peer.Ipv4(cidr), Amazon.CDK.AWS.EC2.Port.Tcp(Port), $"writes from {secondary.Region} tasks over the peering");
        }

        Proxy = Instance.AddProxy("Proxy", new DatabaseProxyOptions
        {
            DbProxyName = $"{deployment.Prefix}-proxy",
            Secrets = [Secret],
            Vpc = props.Vpc,
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.DataSubnets },
            SecurityGroups = [ProxySecurityGroup],
            RequireTLS = true,
        });
        Instance.Connections.AllowDefaultPortFrom(ProxySecurityGroup, "the proxy");
        ProxySecurityGroup.AddEgressRule(Peer.Ipv4(props.Vpc.VpcCidrBlock), Amazon.CDK.AWS.EC2.Port.Tcp(Port), "to the database");
    }

    public static IInstanceEngine Engine { get; } =
        DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_3 });

    public const string DatabaseName = "app";

    public DatabaseInstance Instance { get; }

    public ISecret Secret { get; }

    public DatabaseProxy Proxy { get; }

    public SecurityGroup ProxySecurityGroup { get; }
}
