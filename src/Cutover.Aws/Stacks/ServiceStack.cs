using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SecretsManager;
using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>The region's service: registry, cluster, ALB, release controller, alarms and dashboards, scaling, DNS failover, WAF.</summary>
internal sealed class ServiceStack : CutoverStack
{
    public ServiceStack(Construct scope, Deployment deployment, RegionPlan region, NetworkStack network, DataStack data, DataStack primaryData)
        : base(scope, "service", deployment, region, "ECR, ECS Fargate behind an ALB, releases, alarms, dashboards, scaling, failover, WAF")
    {
        var key = CreateKey("service").Key;
        var vpc = network.Network.Vpc;
        Registry = new ContainerRegistry(this, "Registry", deployment, region);

        ISecret secret;
        Dictionary<string, string> databaseEnvironment;
        if (data.Database is { } database)
        {
            secret = database.Secret;
            databaseEnvironment = new Dictionary<string, string>
            {
                ["DB_HOST"] = database.Proxy.Endpoint,
                ["DB_WRITER_HOST"] = database.Proxy.Endpoint,
            };
        }
        else
        {
            // The secret's replica in this region, by name: ECS resolves a partial ARN without the random suffix.
            secret = Secret.FromSecretNameV2(this, "DatabaseSecret", deployment.DatabaseSecretName);
            databaseEnvironment = new Dictionary<string, string>
            {
                ["DB_HOST"] = data.Replica!.Endpoint,
                // Writes cross to the primary region's proxy over the peering (a CDK cross-region reference).
                ["DB_WRITER_HOST"] = primaryData.Database!.Proxy.Endpoint,
            };
        }

        databaseEnvironment["DB_PORT"] = Database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        databaseEnvironment["DB_NAME"] = Database.DatabaseName;
        databaseEnvironment["DB_SSLMODE"] = "require";

        if (deployment.Manifest.FeatureFlags.Count > 0)
        {
            FeatureFlags = new FeatureFlags(this, "FeatureFlags", deployment);
        }

        Service = new AlbService(this, "Service", new AlbServiceProps
        {
            Deployment = deployment,
            Region = region,
            Vpc = vpc,
            Repository = Registry.Repository,
            Key = key,
            DatabaseSecret = secret,
            DatabaseEnvironment = databaseEnvironment,
            FeatureFlags = FeatureFlags,
        });

        // PostgreSQL from this region's tasks to the proxy (primary) or the replica (secondary). Written here, in the
        // consumer's stack, so the data stack never depends on the service stack.
        var databaseGroup = data.Database?.ProxySecurityGroup ?? data.Replica!.SecurityGroup;
        new CfnSecurityGroupIngress(this, "TasksToDatabase", new CfnSecurityGroupIngressProps
        {
            GroupId = databaseGroup.SecurityGroupId,
            SourceSecurityGroupId = Service.TaskSecurityGroup.SecurityGroupId,
            IpProtocol = "tcp",
            FromPort = Database.Port,
            ToPort = Database.Port,
            Description = "PostgreSQL from the service's tasks",
        });

        Observability = new Observability(this, "Observability", new ObservabilityProps
        {
            Deployment = deployment,
            Region = region,
            Service = Service,
            Key = key,
        });

        FeatureFlags?.MonitorWith(Observability.RollbackAlarms, $"{deployment.Prefix}-{region.ShortName}-any-rollback-alarm");

        if (deployment.Manifest.Release.PreTrafficHooks.Count > 0)
        {
            Hooks = new HookRunner(this, "Hooks", new HookRunnerProps
            {
                Deployment = deployment,
                Image = Service.Image,
                Cluster = Service.Cluster,
                ClusterName = deployment.ClusterName(region),
                RegionShortName = region.ShortName,
                Subnets = vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = Network.AppSubnets }),
                SecurityGroup = Service.TaskSecurityGroup,
                TestUrl = $"https://{region.ShortName}.{deployment.Domain}:{AlbService.TestListenerPort}",
                Key = key,
                LogGroup = Service.AppLogGroup,
            });
        }

        Release = new Release(this, "Release", new ReleaseProps
        {
            Deployment = deployment,
            Region = region,
            Service = Service,
            RollbackAlarms = Observability.RollbackAlarms,
            RollbackAlarmNames = Observability.RollbackAlarmNames,
            HookRunner = Hooks,
        });
        Scaling = new Scaling(this, "Scaling", deployment, Service);
        Failover = new FailoverRecord(this, "Failover", deployment, region, Service.LoadBalancer);
        Firewall = new WebFirewall(this, "Firewall", $"{deployment.Prefix}-{region.ShortName}", Service.LoadBalancer.LoadBalancerArn, key,
            deployment.Settings.LogRetentionDays, deployment.Settings.DeletionProtection ? Amazon.CDK.RemovalPolicy.RETAIN : Amazon.CDK.RemovalPolicy.DESTROY);
    }

    public ContainerRegistry Registry { get; }

    /// <summary>The region's AppConfig feature flags; null when the manifest declares none.</summary>
    public FeatureFlags? FeatureFlags { get; }

    public AlbService Service { get; }

    public Observability Observability { get; }

    public HookRunner? Hooks { get; }

    public Release Release { get; }

    public Scaling Scaling { get; }

    public FailoverRecord Failover { get; }

    public WebFirewall Firewall { get; }
}
