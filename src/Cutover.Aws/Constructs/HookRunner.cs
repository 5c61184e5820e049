using System.Reflection;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Cutover.Aws.Compatibility;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The manifest's <c>preTrafficHooks</c> on AWS: a Lambda function that ECS (lifecycle stage POST_TEST_TRAFFIC_SHIFT)
/// or CodeDeploy (AppSpec hook AfterAllowTestTraffic) calls once test traffic reaches the new version. It runs each hook
/// as a one-off Fargate task of the service's image with <c>CUTOVER_TEST_URL</c> set to the test listener, and fails the
/// release when a hook exits non-zero, as locally.
/// </summary>
internal sealed class HookRunner : Construct
{
    public HookRunner(Construct scope, string id, HookRunnerProps props)
        : base(scope, id)
    {
        var deployment = props.Deployment;
        var hooks = deployment.Manifest.Release.PreTrafficHooks;
        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Family = $"{deployment.Prefix}-hooks",
            Cpu = 256,
            MemoryLimitMiB = 512,
        });
        TaskDefinition.AddContainer("hook", new ContainerDefinitionOptions
        {
            ContainerName = "hook",
            Image = props.Image,
            Essential = true,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = props.LogGroup, StreamPrefix = "hooks" }),
        });

        var timeout = (int)Math.Min(840, hooks.Sum(h => h.Command.Timeout.TotalSeconds) + 60);
        var removal = deployment.Settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        var logs = LogGroups.Create(this, "Logs", $"/cutover/{deployment.Prefix}/hook-runner", props.Key, deployment.Settings.LogRetentionDays, removal);
        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = NodeRuntime.Current,
            Handler = "index.handler",
            Code = Code.FromInline(Source),
            Timeout = Duration.Seconds(timeout + 30),
            MemorySize = 256,
            LogGroup = logs,
            Description = "Runs cutover.yaml's preTrafficHooks against the test listener during a release.",
            Environment = new Dictionary<string, string>
            {
                ["HOOKS"] = JsonSerializer.Serialize(hooks.Select(h => new
                {
                    name = h.Name,
                    command = h.Command.Command,
                    args = h.Command.Args,
                    env = h.Command.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new { name = e.Key, value = e.Value }),
                })),
                ["CLUSTER"] = props.Cluster.ClusterName,
                ["TASK_DEFINITION"] = TaskDefinition.TaskDefinitionArn,
                ["SUBNETS"] = Fn.Join(",", props.Subnets.SubnetIds),
                ["SECURITY_GROUP"] = props.SecurityGroup.SecurityGroupId,
                ["TEST_URL"] = props.TestUrl,
                ["TIMEOUT_SECONDS"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        var stack = Stack.Of(this);
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:RunTask"],
            Resources = [$"arn:{stack.Partition}:ecs:{stack.Region}:{stack.Account}:task-definition/{deployment.Prefix}-hooks:*"],
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:ListTasks", "ecs:DescribeTasks"],
            Resources = [$"arn:{stack.Partition}:ecs:{stack.Region}:{stack.Account}:container-instance/{props.ClusterName}/*", $"arn:{stack.Partition}:ecs:{stack.Region}:{stack.Account}:task/{props.ClusterName}/*"],
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["iam:PassRole"],
            Resources = [TaskDefinition.TaskRole.RoleArn, TaskDefinition.ObtainExecutionRole().RoleArn],
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["codedeploy:PutLifecycleEventHookExecutionStatus"],
            Resources = [$"arn:{stack.Partition}:codedeploy:{stack.Region}:{stack.Account}:deploymentgroup:{deployment.Prefix}-{props.RegionShortName}/*"],
        }));
    }

    /// <summary>The handler's source: small enough (under 4 KB) to live inline in the template, so no asset bucket is needed.</summary>
    public static string Source { get; } = ReadSource();

    public Function Function { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    private static string ReadSource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cutover.Aws.Assets.hook-runner.js")
            ?? throw new InvalidOperationException("the hook runner's source is not embedded in Cutover.Aws");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
