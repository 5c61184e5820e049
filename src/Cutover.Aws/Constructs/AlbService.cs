using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Cutover.Aws.Settings;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ElasticLoadBalancingV2.Protocol;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The service on ECS Fargate behind an internet-facing ALB: Container Insights cluster, HTTPS production listener
/// (443, ACM certificate, HTTP 80 redirects to it), HTTPS test listener (8443, reachable from inside the VPC only),
/// blue and green target groups with the manifest's health check, the task definition (app container plus an ADOT
/// collector sidecar for X-Ray), separate task and execution roles, and Fargate Spot capacity outside prod.
/// </summary>
internal sealed class AlbService : Construct
{
    public const int TestListenerPort = 8443;

    /// <summary>Where the service finds its feature flags: the AppConfig agent's URL for this environment's profile.</summary>
    public const string FeatureFlagsVariable = "FEATURE_FLAGS_URL";

    /// <summary>
    /// The variables the platform sets in the app container; an environment's settings or secrets may not use these
    /// names (ManifestLoader says so).
    /// </summary>
    public static IReadOnlyList<string> PlatformVariables { get; } =
    [
        "PORT", "CUTOVER_SERVICE", "CUTOVER_ENVIRONMENT", "CUTOVER_REGION", "CUTOVER_VERSION", "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_SERVICE_NAME", "DB_HOST", "DB_WRITER_HOST", "DB_PORT", "DB_NAME", "DB_SSLMODE", "DB_USERNAME", "DB_PASSWORD",
        FeatureFlagsVariable,
    ];

    public AlbService(Construct scope, string id, AlbServiceProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var region = props.Region;
        var service = deployment.Manifest.Service;
        var settings = deployment.Settings;
        var vpc = props.Vpc;
        var names = $"{deployment.Prefix}-{region.ShortName}";
        var codeDeploy = deployment.Aws.ReleaseController == ReleaseController.CodeDeploy;

        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = deployment.ClusterName(region),
            Vpc = vpc,
            ContainerInsights = true,
            EnableFargateCapacityProviders = true,
        });

        var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
        {
            HostedZoneId = deployment.Aws.HostedZoneId,
            ZoneName = deployment.Aws.HostedZoneName,
        });
        var certificate = new Certificate(this, "Certificate", new CertificateProps
        {
            DomainName = deployment.Domain,
            SubjectAlternativeNames = [$"{region.ShortName}.{deployment.Domain}"],
            Validation = CertificateValidation.FromDns(zone),
        });

        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            LoadBalancerName = Truncate(names, 32),
            Vpc = vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.PublicSubnets },
            DropInvalidHeaderFields = true,
            DeletionProtection = settings.DeletionProtection,
        });
        // Access logs (AwsSolutions-ELB2, HIPAA/NIST ELBLoggingEnabled): every request with its client, target and status.
        // ALB writes them only to a bucket with SSE-S3.
        AccessLogs = new Bucket(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            RemovalPolicy = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            LifecycleRules =
            [
                new Amazon.CDK.AWS.S3.LifecycleRule
                {
                    Expiration = Duration.Days(settings.LogRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(settings.LogRetentionDays),
                },
            ],
        });
        LoadBalancer.LogAccessLogs(AccessLogs);

        LoadBalancer.AddListener("Http", new BaseApplicationListenerProps
        {
            Port = 80,
            Protocol = ApplicationProtocol.HTTP,
            Open = true,
            DefaultAction = ListenerAction.Redirect(new RedirectOptions { Protocol = "HTTPS", Port = "443", Permanent = true }),
        });

        var health = service.HealthCheck;
        BlueTargetGroup = TargetGroup("Blue", $"{names}-blue", deployment, vpc);
        GreenTargetGroup = TargetGroup("Green", $"{names}-green", deployment, vpc);

        var listenerCertificate = ListenerCertificate.FromCertificateManager(certificate);
        ProductionListener = LoadBalancer.AddListener("Production", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [listenerCertificate],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Open = true,
            DefaultAction = codeDeploy ? ListenerAction.Forward([BlueTargetGroup]) : NoRoute(),
        });
        TestListener = LoadBalancer.AddListener("Test", new BaseApplicationListenerProps
        {
            Port = TestListenerPort,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [listenerCertificate],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Open = false,
            // CodeDeploy moves the test listener to the replacement target group; it starts on green so both are attached.
            DefaultAction = codeDeploy ? ListenerAction.Forward([GreenTargetGroup]) : NoRoute(),
        });
        LoadBalancer.Connections.AllowFrom(Peer.Ipv4(vpc.VpcCidrBlock), Amazon.CDK.AWS.EC2.Port.Tcp(TestListenerPort), "test listener: hooks inside the VPC only");

        if (!codeDeploy)
        {
            // ECS's native blue/green shifts traffic by rewriting these rules' weights; both target groups are in them.
            ProductionRule = WeightedRule("ProductionRule", ProductionListener);
            TestRule = WeightedRule("TestRule", TestListener);
        }

        var removal = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        AppLogGroup = LogGroups.Create(this, "AppLogs", $"/cutover/{deployment.Prefix}/app", props.Key, settings.LogRetentionDays, removal);

        ExecutionRole = new Role(this, "ExecutionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Pulls the image, writes container logs and reads the database secret at task start.",
        });
        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "What the running service may call: X-Ray and CloudWatch through the ADOT collector only.",
        });
        TaskRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "XRayTraces",
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            Resources = ["*"],
        }));
        TaskRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EmbeddedMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = $"Cutover/{deployment.Prefix}" },
            },
        }));

        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Family = deployment.Prefix,
            Cpu = settings.TaskCpu,
            MemoryLimitMiB = settings.TaskMemoryMiB,
            ExecutionRole = ExecutionRole,
            TaskRole = TaskRole,
        });

        var version = deployment.Manifest.Versions[service.InitialVersion];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PORT"] = service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CUTOVER_SERVICE"] = service.Name,
            ["CUTOVER_ENVIRONMENT"] = deployment.Environment.Name,
            ["CUTOVER_REGION"] = region.Region,
            ["CUTOVER_VERSION"] = deployment.ImageTag,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317",
            ["OTEL_SERVICE_NAME"] = service.Name,
        };
        foreach (var pair in version.Env)
        {
            environment[pair.Key] = pair.Value;
        }

        foreach (var pair in props.DatabaseEnvironment)
        {
            environment[pair.Key] = pair.Value;
        }

        // The environment's plain settings; ManifestLoader refuses names the platform sets itself.
        foreach (var pair in deployment.Environment.Settings)
        {
            environment[pair.Key] = pair.Value;
        }

        if (props.FeatureFlags is { } flags)
        {
            environment[FeatureFlagsVariable] = flags.Url;
        }

        var secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret>(StringComparer.Ordinal)
        {
            ["DB_USERNAME"] = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(props.DatabaseSecret, "username"),
            ["DB_PASSWORD"] = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(props.DatabaseSecret, "password"),
        };
        foreach (var pair in EnvironmentSecrets.For(this, deployment.Environment.Secrets))
        {
            secrets[pair.Key] = pair.Value;
        }

        Image = ContainerImage.FromEcrRepository(props.Repository, deployment.ImageTag);
        var stopTimeout = Math.Clamp((int)service.Shutdown.StopTimeout.TotalSeconds, 2, 120);
        Container = TaskDefinition.AddContainer("app", new ContainerDefinitionOptions
        {
            ContainerName = "app",
            Image = Image,
            Essential = true,
            PortMappings = [new PortMapping { ContainerPort = service.Port, Name = "http" }],
            Environment = environment.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
            Secrets = secrets,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = AppLogGroup, StreamPrefix = "app" }),
            StopTimeout = Duration.Seconds(stopTimeout),
            // Liveness: ECS replaces a task whose container fails this, as the local supervisor restarts the process.
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
            {
                Command = health.Command is { Count: > 0 } probe
                    ? ["CMD", .. probe]
                    : ["CMD-SHELL", $"curl -fsS http://localhost:{service.Port}{health.LivenessPath} || exit 1"],
                Interval = Duration.Seconds(Math.Clamp((int)Math.Ceiling(health.Interval.TotalSeconds), 5, 300)),
                Timeout = Duration.Seconds(Math.Clamp((int)Math.Ceiling(health.Timeout.TotalSeconds), 2, 60)),
                Retries = Math.Clamp(health.UnhealthyThreshold, 1, 10),
                StartPeriod = Duration.Seconds(Math.Clamp((int)Math.Ceiling(health.StartTimeout.TotalSeconds), 0, 300)),
            },
        });
        TaskDefinition.AddContainer("adot", new ContainerDefinitionOptions
        {
            ContainerName = "aws-otel-collector",
            Image = ContainerImage.FromRegistry("public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1"),
            Command = ["--config=/etc/ecs/ecs-default-config.yaml"],
            Essential = false,
            MemoryReservationMiB = 64,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = AppLogGroup, StreamPrefix = "adot" }),
        });

        if (props.FeatureFlags is { } featureFlags)
        {
            // The AppConfig agent caches the flags and polls for new deployments; the service asks it on localhost
            // (FEATURE_FLAGS_URL), so a flag switch reaches running tasks without a new task definition.
            var agent = TaskDefinition.AddContainer("appconfig", new ContainerDefinitionOptions
            {
                ContainerName = "appconfig-agent",
                Image = ContainerImage.FromRegistry(FeatureFlags.AgentImage),
                Essential = false,
                MemoryReservationMiB = 64,
                Environment = new Dictionary<string, string>
                {
                    ["PREFETCH_LIST"] = featureFlags.Path,
                    ["POLL_INTERVAL"] = "15",
                    ["SERVICE_REGION"] = region.Region,
                },
                Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = AppLogGroup, StreamPrefix = "appconfig" }),
            });
            Container.AddContainerDependencies(new ContainerDependency { Container = agent, Condition = ContainerDependencyCondition.START });
            featureFlags.GrantRead(TaskRole);
        }

        TaskSecurityGroup = new SecurityGroup(this, "TaskSecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = $"{names} tasks: the ALB in, HTTPS and PostgreSQL out",
            AllowAllOutbound = true,
        });

        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = Cluster,
            ServiceName = service.Name,
            TaskDefinition = TaskDefinition,
            DesiredCount = deployment.DesiredCount,
            AssignPublicIp = false,
            VpcSubnets = new SubnetSelection { SubnetGroupName = Network.AppSubnets },
            SecurityGroups = [TaskSecurityGroup],
            HealthCheckGracePeriod = Duration.Seconds(Math.Max(30, (int)Math.Ceiling(health.StartTimeout.TotalSeconds))),
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            PropagateTags = PropagatedTagSource.SERVICE,
            DeploymentController = new DeploymentController
            {
                Type = codeDeploy ? DeploymentControllerType.CODE_DEPLOY : DeploymentControllerType.ECS,
            },
            CapacityProviderStrategies = settings.FargateSpot
                ? [new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 3 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE", Weight = 1, Base = 1 }]
                : [new CapacityProviderStrategy { CapacityProvider = "FARGATE", Weight = 1 }],
        });
        Service.AttachToApplicationTargetGroup(BlueTargetGroup);
        // Green gets the same tasks' port in the ALB's rules; one ingress rule on the container port covers both groups.

        ApplicationTargetGroup TargetGroup(string id, string name, Deployment d, IVpc v) => new(this, id, new ApplicationTargetGroupProps
        {
            TargetGroupName = Truncate(name, 32),
            Vpc = v,
            Port = d.Manifest.Service.Port,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
            DeregistrationDelay = Duration.Seconds(Math.Clamp((int)Math.Ceiling(d.Manifest.Service.Shutdown.DeregistrationDelay.TotalSeconds), 0, 3600)),
            HealthCheck = new HealthCheck
            {
                Path = health.Path,
                Protocol = Protocol.HTTP,
                // The ALB checks every 5-300 s with a timeout below the interval; locally HAProxy checks every second.
                Interval = Duration.Seconds(Math.Clamp((int)Math.Ceiling(health.Interval.TotalSeconds), 5, 300)),
                Timeout = Duration.Seconds(Math.Clamp((int)Math.Ceiling(health.Timeout.TotalSeconds), 2, 4)),
                HealthyThresholdCount = Math.Clamp(health.HealthyThreshold, 2, 10),
                UnhealthyThresholdCount = Math.Clamp(health.UnhealthyThreshold, 2, 10),
                HealthyHttpCodes = "200-299",
            },
        });

        ApplicationListenerRule WeightedRule(string id, ApplicationListener listener) => new(this, id, new ApplicationListenerRuleProps
        {
            Listener = listener,
            Priority = 10,
            Conditions = [ListenerCondition.PathPatterns(["/*"])],
            Action = ListenerAction.WeightedForward(
            [
                new WeightedTargetGroup { TargetGroup = BlueTargetGroup, Weight = 100 },
                new WeightedTargetGroup { TargetGroup = GreenTargetGroup, Weight = 0 },
            ]),
        });
    }

    public Cluster Cluster { get; }

    public ApplicationLoadBalancer LoadBalancer { get; }

    /// <summary>The bucket the load balancer writes its access logs to.</summary>
    public Bucket AccessLogs { get; }

    public ApplicationListener ProductionListener { get; }

    public ApplicationListener TestListener { get; }

    public ApplicationTargetGroup BlueTargetGroup { get; }

    public ApplicationTargetGroup GreenTargetGroup { get; }

    /// <summary>The production listener's rule ECS rewrites (ECS-native releases only).</summary>
    public ApplicationListenerRule? ProductionRule { get; }

    /// <summary>The test listener's rule ECS rewrites (ECS-native releases only).</summary>
    public ApplicationListenerRule? TestRule { get; }

    public LogGroup AppLogGroup { get; }

    public Role ExecutionRole { get; }

    public Role TaskRole { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    public ContainerDefinition Container { get; }

    public ContainerImage Image { get; }

    public SecurityGroup TaskSecurityGroup { get; }

    public FargateService Service { get; }

    private static ListenerAction NoRoute() =>
        ListenerAction.FixedResponse(404, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "no route" });

    private static string Truncate(string name, int length) => name.Length <= length ? name : name[..length].TrimEnd('-');
}
