using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.Synthetics;
using Cutover.Aws.Alarms;
using Cutover.Aws.Settings;
using Cutover.Core.Alarms;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The manifest's alarms as CloudWatch alarms (through <see cref="AlarmCompiler"/>) notifying one SNS topic per severity;
/// the ECS events and application log groups with metric filters (task crashes, error lines) and saved Logs Insights
/// queries; the region's operations dashboard (plus, in the primary region, one across both regions) and the manifest's
/// dashboards (<see cref="Dashboards.ManifestDashboards"/>); and a CloudWatch Synthetics
/// canary on the health endpoint.
/// </summary>
internal sealed class Observability : Construct
{
    public Observability(Construct scope, string id, ObservabilityProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var region = props.Region;
        var settings = deployment.Settings;
        var service = props.Service;
        var stack = Stack.Of(this);
        var removal = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        Topics = Enum.GetValues<AlarmSeverity>().ToDictionary(
            severity => severity,
            severity => new Topic(this, $"{severity}Topic", new TopicProps
            {
                TopicName = $"{deployment.Prefix}-{severity.ToString().ToLowerInvariant()}",
                DisplayName = $"{deployment.Prefix} {severity.ToString().ToLowerInvariant()} alarms",
                MasterKey = props.Key,
            }));

        var metrics = new ServiceMetrics(
            service.LoadBalancer.LoadBalancerFullName,
            [new TargetGroupMetrics("blue", service.BlueTargetGroup.TargetGroupFullName), new TargetGroupMetrics("green", service.GreenTargetGroup.TargetGroupFullName)],
            deployment.ClusterName(region),
            deployment.ServiceName,
            $"Cutover/{deployment.Prefix}");
        Metrics = metrics;

        var alarms = new List<(CompiledAlarm Compiled, Alarm Alarm)>();
        foreach (var spec in deployment.Manifest.Alarms.Effective)
        {
            foreach (var compiled in AlarmCompiler.Compile(spec, metrics, deployment.Prefix))
            {
                var alarm = new Alarm(this, $"Alarm-{compiled.Name}", new AlarmProps
                {
                    AlarmName = compiled.Name,
                    AlarmDescription = $"{(spec.Description.Length > 0 ? spec.Description : spec.Name)} (cutover.yaml alarm {spec.Name}, {spec.Severity.ToString().ToLowerInvariant()}{(spec.Rollback ? ", rolls back" : string.Empty)})",
                    Metric = compiled.Metric,
                    Threshold = compiled.Threshold,
                    ComparisonOperator = compiled.ComparisonOperator,
                    EvaluationPeriods = spec.EvaluationPeriods,
                    DatapointsToAlarm = spec.DatapointsToAlarm,
                    TreatMissingData = compiled.TreatMissingData,
                });
                var action = new SnsAction(Topics[spec.Severity]);
                alarm.AddAlarmAction(action);
                alarm.AddOkAction(action);
                alarms.Add((compiled, alarm));
            }
        }

        Alarms = alarms.Select(a => a.Alarm).ToList();
        RollbackAlarms = alarms.Where(a => a.Compiled.Spec.Rollback).Select(a => a.Alarm).ToList();
        RollbackAlarmNames = alarms.Where(a => a.Compiled.Spec.Rollback).Select(a => a.Compiled.Name).ToList();

        // ECS task and deployment events to a log group: the source of the task-crash metric (the manifest's restarts).
        EventsLogGroup = LogGroups.Create(this, "EcsEvents", $"/cutover/{deployment.Prefix}/ecs-events", props.Key, settings.LogRetentionDays, removal);
        new CfnResourcePolicy(this, "EventsToLogs", new CfnResourcePolicyProps
        {
            PolicyName = $"{deployment.Prefix}-ecs-events",
            PolicyDocument = stack.ToJsonString(new Dictionary<string, object>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = new[] { "events.amazonaws.com", "delivery.logs.amazonaws.com" } },
                        ["Action"] = new[] { "logs:CreateLogStream", "logs:PutLogEvents" },
                        ["Resource"] = EventsLogGroup.LogGroupArn,
                    },
                },
            }),
        });
        new Amazon.CDK.AWS.Events.CfnRule(this, "EcsEventsRule", new Amazon.CDK.AWS.Events.CfnRuleProps
        {
            Description = "ECS task state changes and deployment events of the service's cluster, kept in a log group.",
            EventPattern = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.ecs" },
                ["detail-type"] = new[] { "ECS Task State Change", "ECS Deployment State Change", "ECS Service Action" },
                ["detail"] = new Dictionary<string, object> { ["clusterArn"] = new[] { service.Cluster.ClusterArn } },
            },
            Targets = new object[] { new Amazon.CDK.AWS.Events.CfnRule.TargetProperty { Id = "logs", Arn = EventsLogGroup.LogGroupArn } },
        });

        new MetricFilter(this, "TaskCrashesFilter", new MetricFilterProps
        {
            LogGroup = EventsLogGroup,
            FilterName = "task-crashes",
            FilterPattern = FilterPattern.All(
                FilterPattern.StringValue("$.detail.lastStatus", "=", "STOPPED"),
                FilterPattern.StringValue("$.detail.stopCode", "=", "EssentialContainerExited")),
            MetricNamespace = metrics.CustomNamespace,
            MetricName = ServiceMetrics.TaskCrashes,
            MetricValue = "1",
            DefaultValue = 0,
        });
        new MetricFilter(this, "AppErrorsFilter", new MetricFilterProps
        {
            LogGroup = service.AppLogGroup,
            FilterName = "app-errors",
            FilterPattern = FilterPattern.AnyTerm("ERROR", "Error", "Exception", "fail:", "crit:"),
            MetricNamespace = metrics.CustomNamespace,
            MetricName = ServiceMetrics.AppErrors,
            MetricValue = "1",
            DefaultValue = 0,
        });

        Query("ErrorsQuery", "errors", [service.AppLogGroup.LogGroupName],
            "fields @timestamp, @logStream, @message | filter @message like /(?i)(error|exception|fail:|crit:)/ | sort @timestamp desc | limit 200");
        Query("ErrorsByVersionQuery", "errors-by-task", [service.AppLogGroup.LogGroupName],
            "filter @message like /(?i)(error|exception)/ | stats count(*) as errors by @logStream | sort errors desc");
        Query("TaskStopsQuery", "task-stops", [EventsLogGroup.LogGroupName],
            "fields @timestamp, detail.taskArn, detail.stopCode, detail.stoppedReason, detail.containers.0.exitCode | filter detail.lastStatus = 'STOPPED' | sort @timestamp desc | limit 100");

        Canary = CreateCanary(deployment, region, props.Key, removal);
        var canaryAlarm = new Alarm(this, "CanaryAlarm", new AlarmProps
        {
            AlarmName = $"{deployment.Prefix}-synthetics-health",
            AlarmDescription = "The Synthetics canary failed to read the health endpoint through the public name (warning, does not roll back).",
            Metric = new Metric(new MetricProps
            {
                Namespace = "CloudWatchSynthetics",
                MetricName = "SuccessPercent",
                DimensionsMap = new Dictionary<string, string> { ["CanaryName"] = Canary.Name },
                Statistic = "Average",
                Period = Duration.Minutes(5),
            }),
            Threshold = 90,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            EvaluationPeriods = 2,
            DatapointsToAlarm = 2,
            TreatMissingData = Amazon.CDK.AWS.CloudWatch.TreatMissingData.BREACHING,
        });
        canaryAlarm.AddAlarmAction(new SnsAction(Topics[AlarmSeverity.Warning]));

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = $"{deployment.Prefix}-{region.Region}",
            DefaultInterval = Duration.Hours(3),
        });
        Dashboard.AddWidgets(new TextWidget(new TextWidgetProps
        {
            Markdown = $"# {deployment.Prefix} in {region.Region}\nAlarms compiled from cutover.yaml; blue and green are the two target groups a release moves traffic between.",
            Width = 24,
            Height = 2,
        }));
        Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. Alarms, canaryAlarm], Width = 24, Height = 4 }));
        var period = Duration.Minutes(1);
        Dashboard.AddWidgets(
            Graph("Requests", metrics, BuiltInMetric.Requests, AlarmStatistic.Sum, period),
            Graph("5xx error rate (fraction)", metrics, BuiltInMetric.ErrorRate, AlarmStatistic.Average, period),
            Graph("Latency p99 (s)", metrics, BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99), period),
            Graph("Unhealthy targets", metrics, BuiltInMetric.UnhealthyInstances, AlarmStatistic.Maximum, period));
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "CPU and memory (%)",
                Left = [service.Service.MetricCpuUtilization(new MetricOptions { Period = period }), service.Service.MetricMemoryUtilization(new MetricOptions { Period = period })],
                Width = 8,
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Task crashes and error log lines",
                Left = [AlarmCompiler.Metric(BuiltInMetric.Restarts, AlarmStatistic.Sum, metrics, null, period), new Metric(new MetricProps { Namespace = metrics.CustomNamespace, MetricName = ServiceMetrics.AppErrors, Statistic = "Sum", Period = period })],
                Width = 8,
            }),
            new LogQueryWidget(new LogQueryWidgetProps
            {
                Title = "Latest errors",
                LogGroupNames = [service.AppLogGroup.LogGroupName],
                QueryLines = ["fields @timestamp, @message", "filter @message like /(?i)(error|exception)/", "sort @timestamp desc", "limit 20"],
                Width = 8,
            }));

        LogMetricFilters.Add(this, service.AppLogGroup.LogGroupName, deployment.Manifest.Logs.MetricFilters, metrics.CustomNamespace);

        ManifestDashboards = [.. deployment.Manifest.Dashboards.Effective(deployment.Manifest.Service.Name)
            .Select(spec => Dashboards.ManifestDashboards.Add(this, deployment.Prefix, region.Region, spec, metrics, [.. alarms.Select(a => (a.Compiled.Spec.Name, a.Alarm))]))];

        if (region.IsPrimary)
        {
            CrossRegionDashboard = CreateCrossRegionDashboard(deployment);
        }

        void Query(string queryId, string name, string[] logGroups, string query) => new CfnQueryDefinition(this, queryId, new CfnQueryDefinitionProps
        {
            Name = $"cutover/{deployment.Prefix}/{name}",
            LogGroupNames = logGroups,
            QueryString = query,
        });
    }

    public IReadOnlyDictionary<AlarmSeverity, Topic> Topics { get; }

    public ServiceMetrics Metrics { get; }

    public IReadOnlyList<Alarm> Alarms { get; }

    /// <summary>The alarms whose ALARM state rolls a release back.</summary>
    public IReadOnlyList<Alarm> RollbackAlarms { get; }

    public IReadOnlyList<string> RollbackAlarmNames { get; }

    public LogGroup EventsLogGroup { get; }

    public CfnCanary Canary { get; }

    public Dashboard Dashboard { get; }

    public Dashboard? CrossRegionDashboard { get; }

    /// <summary>The manifest's dashboards (or the golden-signals default), one CloudWatch dashboard each.</summary>
    public IReadOnlyList<Dashboard> ManifestDashboards { get; }

    private static GraphWidget Graph(string title, ServiceMetrics metrics, BuiltInMetric metric, AlarmStatistic statistic, Duration period) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics.TargetGroups
            .Select(tg => AlarmCompiler.Metric(metric, statistic, metrics, tg, period))
            .ToArray(),
        Width = 6,
    });

    private Dashboard CreateCrossRegionDashboard(Deployment deployment)
    {
        var dashboard = new Dashboard(this, "CrossRegionDashboard", new DashboardProps
        {
            DashboardName = $"{deployment.Prefix}-all-regions",
            DefaultInterval = Duration.Hours(3),
        });

        // The other region's load balancer id is not known here; SEARCH finds it by the fixed name prefix in each region.
        GraphWidget Search(string title, string metricName, string statistic) => new(new GraphWidgetProps
        {
            Title = title,
            Width = 8,
            Left = new[] { deployment.Primary, deployment.Secondary }.Select(plan => (IMetric)new MathExpression(new MathExpressionProps
            {
                Expression = $"SEARCH('{{AWS/ApplicationELB,LoadBalancer}} MetricName=\"{metricName}\" \"{deployment.Prefix}-{plan.ShortName}\"', '{statistic}', 60)",
                SearchRegion = plan.Region,
                Label = plan.Region,
                Period = Duration.Minutes(1),
            })).ToArray(),
        });

        dashboard.AddWidgets(
            Search("Requests by region", "RequestCount", "Sum"),
            Search("Target 5xx by region", "HTTPCode_Target_5XX_Count", "Sum"),
            Search("Latency p99 by region (s)", "TargetResponseTime", "p99"));
        return dashboard;
    }

    private CfnCanary CreateCanary(Deployment deployment, RegionPlan region, IKey key, RemovalPolicy removal)
    {
        var stack = Stack.Of(this);
        var artifacts = new Bucket(this, "CanaryArtifacts", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            // Versioned (HIPAA/NIST S3BucketVersioningEnabled): an overwritten or deleted screenshot stays for the 30 days.
            Versioned = true,
            RemovalPolicy = removal,
            LifecycleRules = [new Amazon.CDK.AWS.S3.LifecycleRule { Expiration = Duration.Days(30), NoncurrentVersionExpiration = Duration.Days(30) }],
        });
        var name = $"{deployment.ServiceName}-{deployment.Environment.Name}-{region.ShortName}";
        name = name.Length > 21 ? name[..21] : name;
        var role = new Role(this, "CanaryRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "The Synthetics canary: writes its artifacts, logs and the CloudWatchSynthetics metrics.",
        });
        artifacts.GrantPut(role);
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:GetBucketLocation"],
            Resources = [artifacts.BucketArn],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [$"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:/aws/lambda/cwsyn-{name}-*"],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "SyntheticsMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "CloudWatchSynthetics" },
            },
        }));

        var url = $"https://{deployment.Domain}{deployment.Manifest.Service.HealthCheck.Path}";
        return new CfnCanary(this, "Canary", new CfnCanaryProps
        {
            Name = name,
            RuntimeVersion = "syn-nodejs-puppeteer-9.1",
            ExecutionRoleArn = role.RoleArn,
            ArtifactS3Location = $"s3://{artifacts.BucketName}/canary",
            Schedule = new CfnCanary.ScheduleProperty { Expression = "rate(1 minute)" },
            StartCanaryAfterCreation = true,
            SuccessRetentionPeriod = 7,
            FailureRetentionPeriod = 30,
            RunConfig = new CfnCanary.RunConfigProperty { TimeoutInSeconds = 30 },
            Code = new CfnCanary.CodeProperty
            {
                Handler = "index.handler",
                Script = $$"""
                    const synthetics = require('Synthetics');
                    exports.handler = async () => {
                      await synthetics.executeHttpStep('health', '{{url}}', { method: 'GET' });
                    };
                    """,
            },
        });
    }
}
