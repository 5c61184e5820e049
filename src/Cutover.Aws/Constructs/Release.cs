using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CodeDeploy;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Cutover.Aws.Releases;
using Cutover.Aws.Settings;
using Cutover.Core.Manifest;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// How a new version replaces the old one, with the manifest's strategy, through the controller the settings name:
/// ECS's built-in blue/green, canary and linear deployments (set through property overrides: CDK 2.160 has no L2 for
/// them), or a CodeDeploy ECS deployment group. Either way the manifest's rollback alarms stop and roll back a release,
/// the pre-traffic hooks run once test traffic reaches the new version, and the old tasks stay for the bake time.
/// </summary>
internal sealed class Release : Construct
{
    public Release(Construct scope, string id, ReleaseProps props)
        : base(scope, id)
    {
        Plan = ReleasePlan.For(props.Deployment.Manifest.Release);
        if (props.Deployment.Aws.ReleaseController == ReleaseController.CodeDeploy)
        {
            DeploymentGroup = ConfigureCodeDeploy(props);
        }
        else
        {
            ConfigureEcsNative(props);
        }
    }

    public ReleasePlan Plan { get; }

    /// <summary>The CodeDeploy deployment group; null with the ECS controller.</summary>
    public EcsDeploymentGroup? DeploymentGroup { get; }

    private void ConfigureEcsNative(ReleaseProps props)
    {
        var service = props.Service;
        var cfn = (CfnService)service.Service.Node.DefaultChild!;

        // The role ECS uses to rewrite the listener rules' weights and move targets between the groups.
        var infrastructureRole = new Role(this, "LoadBalancerRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
            Description = "Lets ECS shift traffic between the blue and green target groups during a release.",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("AmazonECSInfrastructureRolePolicyForLoadBalancers")],
        });

        cfn.AddPropertyOverride("DeploymentController.Type", "ECS");
        cfn.AddPropertyOverride("DeploymentConfiguration.Strategy", Plan.EcsStrategy);
        cfn.AddPropertyOverride("DeploymentConfiguration.BakeTimeInMinutes", Plan.BakeMinutes);
        if (Plan.Strategy == ReleaseStrategyKind.Canary)
        {
            cfn.AddPropertyOverride("DeploymentConfiguration.CanaryConfiguration", new Dictionary<string, object>
            {
                ["CanaryPercent"] = Plan.CanaryPercent,
                ["CanaryBakeTimeInMinutes"] = Plan.CanaryMinutes,
            });
        }
        else if (Plan.Strategy == ReleaseStrategyKind.Linear)
        {
            cfn.AddPropertyOverride("DeploymentConfiguration.LinearConfiguration", new Dictionary<string, object>
            {
                ["StepPercent"] = Plan.LinearPercent,
                ["StepBakeTimeInMinutes"] = Plan.LinearMinutes,
            });
        }

        cfn.AddPropertyOverride("DeploymentConfiguration.Alarms", new Dictionary<string, object>
        {
            ["AlarmNames"] = props.RollbackAlarmNames.ToArray(),
            ["Enable"] = true,
            ["Rollback"] = true,
        });
        cfn.AddPropertyOverride("LoadBalancers.0.AdvancedConfiguration", new Dictionary<string, object>
        {
            ["AlternateTargetGroupArn"] = service.GreenTargetGroup.TargetGroupArn,
            ["ProductionListenerRule"] = service.ProductionRule!.ListenerRuleArn,
            ["TestListenerRule"] = service.TestRule!.ListenerRuleArn,
            ["RoleArn"] = infrastructureRole.RoleArn,
        });

        if (props.HookRunner is { } hooks)
        {
            var hookRole = new Role(this, "HookRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
                Description = "Lets ECS invoke the pre-traffic hook runner during a release.",
            });
            hooks.Function.GrantInvoke(hookRole);
            cfn.AddPropertyOverride("DeploymentConfiguration.LifecycleHooks", new object[]
            {
                new Dictionary<string, object>
                {
                    ["HookTargetArn"] = hooks.Function.FunctionArn,
                    ["RoleArn"] = hookRole.RoleArn,
                    // After test traffic reaches the new version and before any production traffic: the local pre-traffic point.
                    ["LifecycleStages"] = new[] { "POST_TEST_TRAFFIC_SHIFT" },
                },
            });
        }
    }

    private EcsDeploymentGroup ConfigureCodeDeploy(ReleaseProps props)
    {
        var deployment = props.Deployment;
        var service = props.Service;
        var name = $"{deployment.Prefix}-{props.Region.ShortName}";
        IEcsDeploymentConfig config = Plan.Strategy switch
        {
            ReleaseStrategyKind.BlueGreen => EcsDeploymentConfig.ALL_AT_ONCE,
            ReleaseStrategyKind.Canary => new EcsDeploymentConfig(this, "Config", new EcsDeploymentConfigProps
            {
                DeploymentConfigName = $"{name}-canary",
                TrafficRouting = new TimeBasedCanaryTrafficRouting(new TimeBasedCanaryTrafficRoutingProps
                {
                    Percentage = Plan.CanaryPercent,
                    Interval = Duration.Minutes(Plan.CanaryMinutes),
                }),
            }),
            _ => new EcsDeploymentConfig(this, "Config", new EcsDeploymentConfigProps
            {
                DeploymentConfigName = $"{name}-linear",
                TrafficRouting = new TimeBasedLinearTrafficRouting(new TimeBasedLinearTrafficRoutingProps
                {
                    Percentage = Plan.LinearPercent,
                    Interval = Duration.Minutes(Plan.LinearMinutes),
                }),
            }),
        };

        var group = new EcsDeploymentGroup(this, "DeploymentGroup", new EcsDeploymentGroupProps
        {
            DeploymentGroupName = name,
            Application = new EcsApplication(this, "Application", new EcsApplicationProps { ApplicationName = name }),
            Service = service.Service,
            DeploymentConfig = config,
            BlueGreenDeploymentConfig = new EcsBlueGreenDeploymentConfig
            {
                BlueTargetGroup = service.BlueTargetGroup,
                GreenTargetGroup = service.GreenTargetGroup,
                Listener = service.ProductionListener,
                TestListener = service.TestListener,
                TerminationWaitTime = Duration.Minutes(Plan.TerminationWaitMinutes + Plan.BakeMinutes),
                // Manual approval: CodeDeploy waits (up to 1 day) for ContinueDeployment before it moves production traffic.
                DeploymentApprovalWaitTime = deployment.Manifest.Release.ManualApproval ? Duration.Days(1) : null,
            },
            // Alarm rollback belongs to the deployment group with this controller, not to the service (aws-cdk issue 26307).
            Alarms = [.. props.RollbackAlarms],
            AutoRollback = new AutoRollbackConfig { FailedDeployment = true, StoppedDeployment = true, DeploymentInAlarm = true },
        });

        // A service with the CODE_DEPLOY controller rejects deployment alarms and circuit breakers: make sure none is emitted.
        var cfn = (CfnService)service.Service.Node.DefaultChild!;
        cfn.AddPropertyDeletionOverride("DeploymentConfiguration.Alarms");
        cfn.AddPropertyDeletionOverride("DeploymentConfiguration.DeploymentCircuitBreaker");

        // New versions are released through CodeDeploy with this AppSpec (task definition filled in per release), not by
        // cdk deploy: CloudFormation cannot update the task definition of a CODE_DEPLOY service (aws-cdk issues 7040, 11243, 25777).
        var hooks = props.HookRunner is { } runner
            ? new object[] { new Dictionary<string, object> { ["AfterAllowTestTraffic"] = runner.Function.FunctionArn } }
            : [];
        AppSpec = Stack.Of(this).ToJsonString(new Dictionary<string, object>
        {
            ["version"] = 0.0,
            ["Resources"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["TargetService"] = new Dictionary<string, object>
                    {
                        ["Type"] = "AWS::ECS::Service",
                        ["Properties"] = new Dictionary<string, object>
                        {
                            ["TaskDefinition"] = "<TASK_DEFINITION>",
                            ["LoadBalancerInfo"] = new Dictionary<string, object> { ["ContainerName"] = "app", ["ContainerPort"] = deployment.Manifest.Service.Port },
                        },
                    },
                },
            },
            ["Hooks"] = hooks,
        });
        _ = new CfnOutput(this, "AppSpecTemplate", new CfnOutputProps
        {
            Description = "The AppSpec of a release: replace <TASK_DEFINITION> with the new task definition's ARN.",
            Value = AppSpec,
        });
        if (props.HookRunner is { } hookRunner)
        {
            hookRunner.Function.AddPermission("CodeDeployInvoke", new Amazon.CDK.AWS.Lambda.Permission
            {
                Principal = new ServicePrincipal("codedeploy.amazonaws.com"),
                Action = "lambda:InvokeFunction",
            });
        }

        return group;
    }

    /// <summary>The CodeDeploy AppSpec template (CodeDeploy controller only), as JSON.</summary>
    public string? AppSpec { get; private set; }
}
