using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The role GitHub Actions assumes through OIDC (no long-lived keys) to release: only the named repository's workflows
/// running in the GitHub environment of the same name, and only what a release needs: push to the service's ECR
/// repository, register task definitions, update the service or start a CodeDeploy deployment in both regions, pass the
/// service's roles to ECS, and assume the CDK bootstrap roles for <c>cdk deploy</c>.
/// </summary>
internal sealed class GitHubDeployRole : Construct
{
    public const string Issuer = "token.actions.githubusercontent.com";

    public GitHubDeployRole(Construct scope, string id, Deployment deployment)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var account = deployment.Account;
        var partition = stack.Partition;
        Provider = new CfnOIDCProvider(this, "Provider", new CfnOIDCProviderProps
        {
            Url = $"https://{Issuer}",
            ClientIdList = ["sts.amazonaws.com"],
            ThumbprintList = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"],
        });

        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = $"{deployment.Prefix}-github-deploy",
            Description = $"GitHub Actions of {deployment.GitHubRepository} ({deployment.Environment.Name}) releasing {deployment.ServiceName}.",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = new WebIdentityPrincipal(Provider.AttrArn, new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    [$"{Issuer}:aud"] = "sts.amazonaws.com",
                    [$"{Issuer}:sub"] = $"repo:{deployment.GitHubRepository}:environment:{deployment.Environment.Name}",
                },
            }),
        });

        var regions = new[] { deployment.Primary, deployment.Secondary };
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrLogin",
            Actions = ["ecr:GetAuthorizationToken"],
            Resources = ["*"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrPush",
            Actions = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:DescribeImages", "ecr:DescribeImageScanFindings"],
            Resources = [$"arn:{partition}:ecr:{deployment.Primary.Region}:{account}:repository/{deployment.RepositoryName}"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            // The secondary region gets the image by ECR replication; the release waits until it is there.
            Sid = "EcrReplicaRead",
            Actions = ["ecr:DescribeImages"],
            Resources = [$"arn:{partition}:ecr:{deployment.Secondary.Region}:{account}:repository/{deployment.RepositoryName}"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TaskDefinitions",
            Actions = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"],
            Resources = ["*"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "Service",
            Actions = ["ecs:UpdateService", "ecs:DescribeServices", "ecs:DescribeServiceDeployments", "ecs:ListServiceDeployments"],
            Resources = regions.Select(r => $"arn:{partition}:ecs:{r.Region}:{account}:service/{deployment.ClusterName(r)}/{deployment.ServiceName}").ToArray(),
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CodeDeploy",
            Actions = ["codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision", "codedeploy:ContinueDeployment", "codedeploy:StopDeployment"],
            Resources = regions.SelectMany(r => new[]
            {
                $"arn:{partition}:codedeploy:{r.Region}:{account}:deploymentgroup:{deployment.Prefix}-{r.ShortName}/{deployment.Prefix}-{r.ShortName}",
                $"arn:{partition}:codedeploy:{r.Region}:{account}:application:{deployment.Prefix}-{r.ShortName}",
                $"arn:{partition}:codedeploy:{r.Region}:{account}:deploymentconfig:*",
            }).ToArray(),
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PassServiceRoles",
            Actions = ["iam:PassRole"],
            Resources = [$"arn:{partition}:iam::{account}:role/{deployment.Prefix}-*"],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" } },
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CdkDeploy",
            Actions = ["sts:AssumeRole"],
            Resources = regions.SelectMany(r => new[] { "deploy", "file-publishing", "image-publishing", "lookup" }
                .Select(kind => $"arn:{partition}:iam::{account}:role/cdk-hnb659fds-{kind}-role-{account}-{r.Region}")).ToArray(),
        }));

        // What the GitHub environment's AWS_DEPLOY_ROLE_ARN variable is set to (docs/deployment-guide.md).
        _ = new CfnOutput(this, "GitHubDeployRoleArn", new CfnOutputProps
        {
            Value = Role.RoleArn,
            Description = $"Set as AWS_DEPLOY_ROLE_ARN in the GitHub environment {deployment.Environment.Name}",
        });
    }

    public CfnOIDCProvider Provider { get; }

    public Role Role { get; }
}
