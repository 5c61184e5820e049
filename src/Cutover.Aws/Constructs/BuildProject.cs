using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// One CodeBuild project of the pipeline with the house conventions: the standard Linux image without privileged mode
/// (the image is pushed by the .NET SDK, no Docker daemon), a buildspec from <see cref="Buildspecs"/>, logs in a
/// KMS-encrypted log group with the environment's retention, artifacts encrypted with the stack's key, and a role of its
/// own that starts with nothing but what CodeBuild and the pipeline grant it: each stage adds only what its step calls.
/// </summary>
internal sealed class BuildProject : Construct
{
    public BuildProject(Construct scope, string id, BuildProjectProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var settings = deployment.Settings;
        var removal = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        ProjectName = $"{deployment.Prefix}-{props.Name}";
        LogGroup = LogGroups.Create(this, "Logs", $"/cutover/{deployment.Prefix}/codebuild/{props.Name}", props.Key, settings.LogRetentionDays, removal);
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = $"{deployment.Prefix}-codebuild-{props.Name}",
            AssumedBy = new ServicePrincipal("codebuild.amazonaws.com"),
            Description = props.Description,
        });
        Project = new PipelineProject(this, "Project", new PipelineProjectProps
        {
            ProjectName = ProjectName,
            Description = props.Description,
            Role = Role,
            BuildSpec = Buildspecs.Load(props.Buildspec),
            Environment = new BuildEnvironment
            {
                BuildImage = LinuxBuildImage.STANDARD_7_0,
                ComputeType = props.ComputeType,
                Privileged = false,
            },
            EnvironmentVariables = props.Variables
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .ToDictionary(v => v.Key, IBuildEnvironmentVariable (v) => new BuildEnvironmentVariable { Type = BuildEnvironmentVariableType.PLAINTEXT, Value = v.Value }),
            EncryptionKey = props.Key,
            Logging = new LoggingOptions { CloudWatch = new CloudWatchLoggingOptions { LogGroup = LogGroup } },
            Timeout = Duration.Minutes(props.TimeoutMinutes),
            QueuedTimeout = Duration.Hours(1),
            GrantReportGroupPermissions = props.Reports,
        });

        if (props.Reports)
        {
            // CodeBuild resolves the buildspec's report "tests" to the group <project>-tests; created here, it is managed
            // (and removed) with the stack instead of appearing on the first run.
            Reports = new ReportGroup(this, "Tests", new ReportGroupProps
            {
                ReportGroupName = $"{ProjectName}-tests",
                Type = ReportGroupType.TEST,
                RemovalPolicy = removal,
            });
        }
    }

    public string ProjectName { get; }

    public PipelineProject Project { get; }

    public Role Role { get; }

    public LogGroup LogGroup { get; }

    public ReportGroup? Reports { get; }
}
