using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.CodePipeline;
using Amazon.CDK.AWS.CodePipeline.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using StageProps = Amazon.CDK.AWS.CodePipeline.StageProps;
using Cutover.Aws.Settings;
using Cutover.Pipelines;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The release pipeline as AWS CodePipeline, stage for stage the same as the GitHub Actions workflows
/// (<see cref="PipelineStage"/>): source from GitHub through a CodeStar connection (no token), build and publish the
/// image once, tests, dependency and image scans, staging, a manual approval announced on an encrypted SNS topic, then
/// production in the primary and in the secondary region. Every step is a CodeBuild project with its own role; the
/// deploy projects may only assume the CDK bootstrap roles of their target account and regions.
/// </summary>
internal sealed class DeliveryPipeline : Construct
{
    public DeliveryPipeline(Construct scope, string id, DeliveryPipelineProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var plan = props.Plan;
        var key = props.Key;
        var stack = Stack.Of(this);
        var removal = deployment.Settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        ArtifactBucket = new Bucket(this, "Artifacts", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            // Source and build artifacts are only needed while an execution runs and to retry it; releases live in ECR.
            LifecycleRules = [new Amazon.CDK.AWS.S3.LifecycleRule { Expiration = Duration.Days(90), NoncurrentVersionExpiration = Duration.Days(30) }],
            RemovalPolicy = removal,
        });

        ApprovalTopic = new Topic(this, "ApprovalTopic", new TopicProps
        {
            TopicName = $"{deployment.ServiceName}-release-approval",
            DisplayName = $"{deployment.ServiceName}: a release waits for approval to go to production",
            MasterKey = key,
        });

        // The approval action's role (CDK would make one without the key): publishing to an encrypted topic needs the key.
        ApprovalRole = new Role(this, "ApprovalRole", new RoleProps
        {
            AssumedBy = new AccountPrincipal(stack.Account),
            Description = "The pipeline's manual approval action: announces a release waiting for production on the approval topic.",
        });
        key.Grant(ApprovalRole, "kms:Decrypt", "kms:GenerateDataKey*");

        var repositoryArn = $"arn:{stack.Partition}:ecr:{plan.ImageRegion}:{plan.ImageAccount}:repository/{plan.ImageRepository}";
        var image = new Dictionary<string, string>
        {
            ["IMAGE_ACCOUNT"] = plan.ImageAccount,
            ["IMAGE_REGION"] = plan.ImageRegion,
            ["IMAGE_REPOSITORY"] = plan.ImageRepository,
        };

        Build = new BuildProject(this, "Build", new BuildProjectProps
        {
            Deployment = deployment,
            Name = "build",
            Description = $"Compiles {deployment.ServiceName} and publishes its container image once, tagged with the commit.",
            Buildspec = Buildspecs.Build,
            Variables = new Dictionary<string, string>(image) { ["IMAGE_PROJECT"] = plan.ImageProject },
            Key = key,
            ComputeType = ComputeType.MEDIUM,
        });
        Build.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrLogin",
            Actions = ["ecr:GetAuthorizationToken"],
            Resources = ["*"],
        }));
        Build.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrPush",
            Actions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
            Resources = [repositoryArn],
        }));

        Test = new BuildProject(this, "Test", new BuildProjectProps
        {
            Deployment = deployment,
            Name = "test",
            Description = $"Runs every test of {deployment.ServiceName} (scripts/test.sh) and reports the results.",
            Buildspec = Buildspecs.Test,
            Variables = new Dictionary<string, string>(),
            Key = key,
            ComputeType = ComputeType.MEDIUM,
            TimeoutMinutes = 60,
            Reports = true,
        });

        Scan = new BuildProject(this, "Scan", new BuildProjectProps
        {
            Deployment = deployment,
            Name = "scan",
            Description = $"Checks {deployment.ServiceName}'s packages for advisories and its image's scan findings.",
            Buildspec = Buildspecs.Scan,
            Variables = new Dictionary<string, string>(image) { ["SCAN_BLOCKING_SEVERITIES"] = "CRITICAL HIGH" },
            Key = key,
        });
        Scan.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrScanFindings",
            Actions = ["ecr:DescribeImageScanFindings", "ecr:DescribeImages"],
            Resources = [repositoryArn],
        }));

        Deploys = plan.Targets.ToDictionary(target => target.Stage, target => DeployProject(deployment, target, key, stack.Partition));

        var source = new Artifact_("Source");
        var sourceAction = new CodeStarConnectionsSourceAction(new CodeStarConnectionsSourceActionProps
        {
            ActionName = "GitHub",
            Owner = plan.Owner,
            Repo = plan.Repository,
            Branch = plan.Branch,
            ConnectionArn = plan.ConnectionArn,
            Output = source,
            TriggerOnPush = true,
            VariablesNamespace = "Source",
        });
        var commit = sourceAction.Variables.CommitId;

        Pipeline = new Pipeline(this, "Pipeline", new PipelineProps
        {
            PipelineName = $"{deployment.ServiceName}-release",
            PipelineType = PipelineType.V2,
            ArtifactBucket = ArtifactBucket,
            RestartExecutionOnUpdate = false,
            Stages =
            [
                new StageProps { StageName = "Source", Actions = [sourceAction] },
                Stage(PipelineStage.Build, CodeBuild("CompileAndPublishImage", Build, source, commit, new Artifact_("ImageDigest"))),
                Stage(PipelineStage.Test, CodeBuild("AllTests", Test, source, commit)),
                Stage(PipelineStage.Scan, CodeBuild("DependencyAndImageScan", Scan, source, commit, new Artifact_("ScanReports"))),
                Stage(PipelineStage.Staging, CodeBuild("DeployStaging", Deploys[PipelineStage.Staging], source, commit)),
                Stage(PipelineStage.Approval, new ManualApprovalAction(new ManualApprovalActionProps
                {
                    ActionName = "ApproveProduction",
                    NotificationTopic = ApprovalTopic,
                    Role = ApprovalRole,
                    AdditionalInformation = $"Staging runs {deployment.ServiceName} at commit #{{Source.CommitId}}. Approve to release it to production ({string.Join(", then ", plan.Targets.Where(t => t.Stage != PipelineStage.Staging).SelectMany(t => t.Regions))}).",
                })),
                Stage(PipelineStage.ProductionPrimary, CodeBuild("DeployPrimaryRegion", Deploys[PipelineStage.ProductionPrimary], source, commit)),
                Stage(PipelineStage.ProductionSecondary, CodeBuild("DeploySecondaryRegion", Deploys[PipelineStage.ProductionSecondary], source, commit)),
            ],
        });
    }

    /// <summary>The stage names after Source, in order: the <see cref="PipelineStage"/> values.</summary>
    public static IReadOnlyList<string> StageNames { get; } = Enum.GetNames<PipelineStage>();

    public Bucket ArtifactBucket { get; }

    public Topic ApprovalTopic { get; }

    public Role ApprovalRole { get; }

    public BuildProject Build { get; }

    public BuildProject Test { get; }

    public BuildProject Scan { get; }

    /// <summary>The deploy project of each deploy stage: Staging, ProductionPrimary, ProductionSecondary.</summary>
    public IReadOnlyDictionary<PipelineStage, BuildProject> Deploys { get; }

    public Pipeline Pipeline { get; }

    private static StageProps Stage(PipelineStage stage, IAction action) => new() { StageName = stage.ToString(), Actions = [action] };

    private static CodeBuildAction CodeBuild(string name, BuildProject project, Artifact_ source, string commit, Artifact_? output = null) =>
        new(new CodeBuildActionProps
        {
            ActionName = name,
            Project = project.Project,
            Input = source,
            Outputs = output is null ? null : [output],
            // The commit is the image tag: built and pushed once, then scanned and deployed by the same name.
            EnvironmentVariables = new Dictionary<string, IBuildEnvironmentVariable>
            {
                ["IMAGE_TAG"] = new BuildEnvironmentVariable { Type = BuildEnvironmentVariableType.PLAINTEXT, Value = commit },
            },
        });

    private BuildProject DeployProject(Deployment deployment, PipelineTarget target, Amazon.CDK.AWS.KMS.IKey key, string partition)
    {
        var name = target.Stage switch
        {
            PipelineStage.Staging => "deploy-staging",
            PipelineStage.ProductionPrimary => "deploy-production-primary",
            _ => "deploy-production-secondary",
        };
        var project = new BuildProject(this, target.Stage.ToString(), new BuildProjectProps
        {
            Deployment = deployment,
            Name = name,
            Description = $"cdk deploy of {target.Environment} in {string.Join(" and ", target.Regions)} with the commit's image: the release.",
            Buildspec = Buildspecs.Deploy,
            Variables = new Dictionary<string, string>
            {
                ["CUTOVER_ENVIRONMENT"] = target.Environment,
                ["STACKS"] = string.Join(' ', target.Stacks),
                ["CDK_CLI_VERSION"] = PipelinePlan.CdkCliVersion,
            },
            Key = key,
            // Blue/green with bake and termination waits, and CloudFormation waiting for it, can take a while.
            TimeoutMinutes = 180,
        });
        project.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CdkBootstrapRoles",
            Actions = ["sts:AssumeRole"],
            Resources = target.BootstrapRoleNames.Select(role => $"arn:{partition}:iam::{target.Account}:role/{role}").ToArray(),
        }));
        return project;
    }
}
