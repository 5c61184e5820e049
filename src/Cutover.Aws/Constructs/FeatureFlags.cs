using Amazon.CDK;
using Amazon.CDK.AWS.AppConfig;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Cutover.Aws.Releases;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The manifest's <c>featureFlags</c> on AWS AppConfig, in one region: an application named after the service, an
/// environment named after the Cutover environment, a feature-flags configuration profile whose hosted version holds
/// each flag's state in this environment, and a deployment of that version with a strategy that bakes as long as a
/// release and is rolled back by the service's rollback alarms. The service reads the flags from the AppConfig agent
/// sidecar at <see cref="Url"/>, by names, so switching a flag is a new hosted version and an AppConfig deployment: the
/// task definition, and so the ECS service, does not change.
/// </summary>
internal sealed class FeatureFlags : Construct
{
    public const string ProfileName = "feature-flags";

    /// <summary>The agent's port on localhost inside the task (AppConfig's default).</summary>
    public const int AgentPort = 2772;

    /// <summary>Pinned: a moving tag (2.x) would change what runs without a template change.</summary>
    public const string AgentImage = "public.ecr.aws/aws-appconfig/aws-appconfig-agent:2.0.13147";

    public FeatureFlags(Construct scope, string id, Deployment deployment)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var environmentName = deployment.Environment.Name;
        ApplicationName = deployment.ServiceName;
        EnvironmentName = environmentName;

        Application = new CfnApplication(this, "Application", new CfnApplicationProps
        {
            Name = ApplicationName,
            Description = $"Feature flags of {deployment.ServiceName} (cutover.yaml featureFlags).",
        });
        Environment = new CfnEnvironment(this, "Environment", new CfnEnvironmentProps
        {
            ApplicationId = Application.Ref,
            Name = environmentName,
            Description = $"{deployment.ServiceName} in {environmentName}.",
        });
        Profile = new CfnConfigurationProfile(this, "Profile", new CfnConfigurationProfileProps
        {
            ApplicationId = Application.Ref,
            Name = ProfileName,
            LocationUri = "hosted",
            Type = "AWS.AppConfig.FeatureFlags",
            Description = "Each flag's state in this environment, from cutover.yaml.",
        });
        Version = new CfnHostedConfigurationVersion(this, "Version", new CfnHostedConfigurationVersionProps
        {
            ApplicationId = Application.Ref,
            ConfigurationProfileId = Profile.Ref,
            ContentType = "application/json",
            Content = FeatureFlagDocument.For(deployment.Manifest.FeatureFlags, environmentName),
            Description = "Flag states from cutover.yaml.",
        });
        // A changed flag replaces the version; keeping the old one keeps the history and lets an operator redeploy it.
        // DeletionPolicy too, or a stack deletion would still remove the history (CloudFormation Validate W3011).
        Version.CfnOptions.UpdateReplacePolicy = CfnDeletionPolicy.RETAIN;
        Version.CfnOptions.DeletionPolicy = CfnDeletionPolicy.RETAIN;

        var plan = ReleasePlan.For(deployment.Manifest.Release);
        Strategy = new CfnDeploymentStrategy(this, "Strategy", new CfnDeploymentStrategyProps
        {
            Name = $"{deployment.Prefix}-feature-flags",
            Description = "All at once, then baked as long as a release while the rollback alarms watch.",
            DeploymentDurationInMinutes = 0,
            GrowthFactor = 100,
            GrowthType = "LINEAR",
            FinalBakeTimeInMinutes = Math.Clamp(plan.BakeMinutes, 0, 1440),
            ReplicateTo = "NONE",
        });
        AppConfigDeployment = new CfnDeployment(this, "Deployment", new CfnDeploymentProps
        {
            ApplicationId = Application.Ref,
            EnvironmentId = Environment.Ref,
            ConfigurationProfileId = Profile.Ref,
            ConfigurationVersion = Version.Ref,
            DeploymentStrategyId = Strategy.Ref,
            Description = "Flag states from cutover.yaml.",
        });

        ProfileArn = $"arn:{stack.Partition}:appconfig:{stack.Region}:{stack.Account}:application/{Application.Ref}/environment/{Environment.Ref}/configuration/{Profile.Ref}";
    }

    public string ApplicationName { get; }

    public string EnvironmentName { get; }

    /// <summary>The path the agent serves the flags at, by names (the same in both regions and across versions).</summary>
    public string Path => $"/applications/{ApplicationName}/environments/{EnvironmentName}/configurations/{ProfileName}";

    /// <summary>What the service gets as <c>FEATURE_FLAGS_URL</c>.</summary>
    public string Url => $"http://localhost:{AgentPort}{Path}";

    /// <summary>The one configuration the task may read: application, environment and profile by id.</summary>
    public string ProfileArn { get; }

    public CfnApplication Application { get; }

    public CfnEnvironment Environment { get; }

    public CfnConfigurationProfile Profile { get; }

    public CfnHostedConfigurationVersion Version { get; }

    public CfnDeploymentStrategy Strategy { get; }

    public CfnDeployment AppConfigDeployment { get; }

    /// <summary>The composite alarm AppConfig watches; null until <see cref="MonitorWith"/> with at least one alarm.</summary>
    public CompositeAlarm? RollbackAlarm { get; private set; }

    /// <summary>Lets the task read this profile only: a session start and its latest configuration.</summary>
    public void GrantRead(IGrantable grantee)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FeatureFlags",
            Actions = ["appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration"],
            Resources = [ProfileArn],
        }));
    }

    /// <summary>
    /// Rolls a flag deployment back when one of <paramref name="alarms"/> goes to ALARM during it or its bake, as a
    /// release is. AppConfig watches at most 5 alarms per environment, so it watches one composite alarm that is in
    /// ALARM when any rollback alarm is, through a role that may describe only that alarm.
    /// </summary>
    public void MonitorWith(IReadOnlyList<Alarm> alarms, string alarmName)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        if (alarms.Count == 0)
        {
            return;
        }

        RollbackAlarm = new CompositeAlarm(this, "AnyRollbackAlarm", new CompositeAlarmProps
        {
            CompositeAlarmName = alarmName,
            AlarmDescription = "In ALARM while any of the service's rollback alarms is: stops and rolls back a feature-flag deployment.",
            AlarmRule = AlarmRule.AnyOf(alarms.Select(alarm => (IAlarmRule)AlarmRule.FromAlarm(alarm, AlarmState.ALARM)).ToArray()),
            ActionsEnabled = false,
        });
        var role = new Role(this, "MonitorRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("appconfig.amazonaws.com"),
            Description = "Lets AppConfig read the alarm that stops a feature-flag deployment.",
        });
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RollbackAlarm",
            Actions = ["cloudwatch:DescribeAlarms"],
            Resources = [RollbackAlarm.AlarmArn],
        }));
        Environment.Monitors = new object[]
        {
            new CfnEnvironment.MonitorsProperty { AlarmArn = RollbackAlarm.AlarmArn, AlarmRoleArn = role.RoleArn },
        };
        // The monitor must be readable before a deployment starts, or the deployment would run unwatched.
        AppConfigDeployment.Node.AddDependency(role);
    }
}
