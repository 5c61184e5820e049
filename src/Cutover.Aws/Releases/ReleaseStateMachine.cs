using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Releases;

/// <summary>
/// The manifest's release as an Amazon States Language definition that runs every step on AWS with the AWS SDK service
/// integrations (no Lambda), as Argo Rollouts does on an ALB: it reads the production rule's weights and the service's
/// task sets (so a new execution after a stop continues or rolls back), refuses to start while a rollback alarm fires,
/// creates the new task set behind the side that has no traffic and waits until its targets are healthy, runs the
/// pre-traffic hooks as Fargate tasks against the test listener, waits for a task token when <c>manualApproval</c> is
/// set, moves the weights through the exact steps with their pauses and the bake, checks every rollback alarm before
/// and after each step, then makes the new task set primary and deletes the old one after the termination wait. Every
/// transition is an EventBridge event that a rule copies to CloudWatch Logs. Issue 15.
/// </summary>
public static class ReleaseStateMachine
{
    /// <summary>Seconds between target health checks while the new side starts.</summary>
    public const int HealthPollSeconds = 10;

    public static string Definition(ReleaseSpec release, ReleaseStrategyKind strategy, ReleaseControllerTargets targets)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(targets);
        var builder = new Builder(release, Core.Releases.ReleasePlan.StepsFor(strategy, release), targets);
        return builder.Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private sealed class Builder(ReleaseSpec release, IReadOnlyList<TrafficStep> steps, ReleaseControllerTargets t)
    {
        private const string RollBack = "RollBack: all traffic to the old side";
        private readonly JsonObject _states = [];

        public JsonObject Build()
        {
            Task("Read task sets", "aws-sdk:ecs:describeServices", new JsonObject { ["Cluster"] = t.Cluster, ["Services"] = new JsonArray(t.Service) },
                next: "Key the task sets", resultPath: "$.sets", selector: new JsonObject { ["all.$"] = "$.Services[0].TaskSets" });
            // ExternalId is the side a task set serves; "side|task definition" keys say whether this release already runs.
            _states["Key the task sets"] = new JsonObject
            {
                ["Type"] = "Map",
                ["ItemsPath"] = "$.sets.all",
                ["ItemSelector"] = new JsonObject { ["key.$"] = "States.Format('{}|{}', $$.Map.Item.Value.ExternalId, $$.Map.Item.Value.TaskDefinition)" },
                ["ItemProcessor"] = new JsonObject
                {
                    ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
                    ["StartAt"] = "Key",
                    ["States"] = new JsonObject { ["Key"] = new JsonObject { ["Type"] = "Pass", ["OutputPath"] = "$.key", ["End"] = true } },
                },
                ["ResultPath"] = "$.sets.keys",
                ["Next"] = "Read production weights",
            };
            Task("Read production weights", "aws-sdk:elasticloadbalancingv2:describeRules", new JsonObject { ["RuleArns"] = new JsonArray(t.ProductionRule) },
                next: "Weigh the sides", resultPath: "$.rule", selector: new JsonObject
                {
                    ["blue.$"] = $"$.Rules[0].Actions[0].ForwardConfig.TargetGroups[?(@.TargetGroupArn == '{t.BlueTargetGroup}')].Weight",
                    ["green.$"] = $"$.Rules[0].Actions[0].ForwardConfig.TargetGroups[?(@.TargetGroupArn == '{t.GreenTargetGroup}')].Weight",
                });
            Pass("Weigh the sides", "Alarms at start", "$.weights", new JsonObject
            {
                ["blue.$"] = "States.ArrayGetItem($.rule.blue, 0)",
                ["green.$"] = "States.ArrayGetItem($.rule.green, 0)",
                ["blueIsNew.$"] = "States.ArrayContains($.sets.keys, States.Format('blue|{}', $.taskDefinition))",
                ["greenIsNew.$"] = "States.ArrayContains($.sets.keys, States.Format('green|{}', $.taskDefinition))",
            });
            AlarmCheck("Alarms at start", "Resume or start", onFiring: null);
            _states["Resume or start"] = Choice(
                [
                    Rule(Bool("$.weights.blueIsNew"), "Resume on blue"),
                    Rule(Bool("$.weights.greenIsNew"), "Resume on green"),
                    Rule(NumberEquals("$.weights.green", 0), "Start on green"),
                    Rule(NumberEquals("$.weights.blue", 0), "Start on blue"),
                ],
                "Refuse: traffic split by another release");
            Side("Resume on blue", t.BlueTargetGroup, t.GreenTargetGroup, "blue", "green", "Resume");
            Side("Resume on green", t.GreenTargetGroup, t.BlueTargetGroup, "green", "blue", "Resume");
            Side("Start on green", t.GreenTargetGroup, t.BlueTargetGroup, "green", "blue", "Start");
            Side("Start on blue", t.BlueTargetGroup, t.GreenTargetGroup, "blue", "green", "Start");
            _states["Refuse: traffic split by another release"] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = "Cutover.TrafficSplit",
                ["Cause"] = "both target groups take production traffic and neither runs this release's task definition: another release is in progress",
            };

            _states["Start"] = Choice([Rule(NumberGreaterThan("$.alarms.count", 0), "Refuse: alarm firing at start")], "Create the new task set");
            Event("Refuse: alarm firing at start", "release.refused", "Refused: alarm firing at start", extra: new JsonObject { ["alarms.$"] = "$.alarms.firing" });
            _states["Refused: alarm firing at start"] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = "Cutover.AlarmFiring",
                ["Cause"] = "a rollback alarm is in ALARM before the release started; traffic stays on the current version",
            };

            var afterHealthy = PreTraffic();
            var resumeRules = new List<JsonObject>
            {
                Rule(NumberGreaterThan("$.alarms.count", 0), "Why: alarm at resume"),
                Rule(NumberEquals("$.side.newWeight", 0), "Start health wait"),
            };
            resumeRules.AddRange(steps.Select((step, index) => Rule(NumberLessThanOrEqual("$.side.newWeight", step.Weight), StepName(index))));
            _states["Resume"] = Choice(resumeRules, RollBack);
            Why("Why: alarm at resume", "alarm", "$.alarms.firing");

            Task("Create the new task set", "aws-sdk:ecs:createTaskSet", new JsonObject
            {
                ["Cluster"] = t.Cluster,
                ["Service"] = t.Service,
                ["TaskDefinition.$"] = "$.taskDefinition",
                // The side, not the release: it is how a later execution finds which target group this task set serves.
                ["ExternalId.$"] = "$.side.name",
                ["LaunchType"] = "FARGATE",
                ["NetworkConfiguration"] = Network(),
                ["LoadBalancers"] = new JsonArray(new JsonObject { ["TargetGroupArn.$"] = "$.side.new", ["ContainerName"] = "app", ["ContainerPort"] = t.ContainerPort }),
                ["Scale"] = new JsonObject { ["Unit"] = "PERCENT", ["Value"] = 100 },
            }, next: "Event: task set created", resultPath: null, onError: "Why: task set not created");
            Why("Why: task set not created", "createTaskSet failed", "$.error");
            Event("Event: task set created", "instances.started", "Start health wait");

            _states["Start health wait"] = new JsonObject { ["Type"] = "Pass", ["Result"] = new JsonObject { ["attempts"] = 0 }, ["ResultPath"] = "$.health", ["Next"] = "Read target health" };
            Task("Read target health", "aws-sdk:elasticloadbalancingv2:describeTargetHealth", new JsonObject { ["TargetGroupArn.$"] = "$.side.new" },
                next: "Count healthy targets", resultPath: "$.targets", selector: new JsonObject { ["states.$"] = "$.TargetHealthDescriptions[*].TargetHealth.State" }, onError: "Why: health unknown");
            Why("Why: health unknown", "describeTargetHealth failed", "$.error");
            Pass("Count healthy targets", "Healthy?", "$.health", new JsonObject
            {
                // Healthy when there are enough targets and every one is healthy (one distinct state, and it is 'healthy').
                ["targets.$"] = "States.ArrayLength($.targets.states)",
                ["kinds.$"] = "States.ArrayLength(States.ArrayUnique($.targets.states))",
                ["healthy.$"] = "States.ArrayContains($.targets.states, 'healthy')",
                ["attempts.$"] = "States.MathAdd($.health.attempts, 1)",
            });
            var attempts = Math.Max(1, (int)Math.Ceiling(Math.Max(300, release.AlarmDataTimeout.TotalSeconds) / HealthPollSeconds));
            _states["Healthy?"] = Choice(
                [
                    Rule(new JsonObject
                    {
                        ["And"] = new JsonArray(
                            new JsonObject { ["Variable"] = "$.health.targets", ["NumericGreaterThanEquals"] = t.DesiredCount },
                            NumberEquals("$.health.kinds", 1),
                            Bool("$.health.healthy")),
                    }, afterHealthy),
                    Rule(new JsonObject { ["Variable"] = "$.health.attempts", ["NumericGreaterThanEquals"] = attempts }, "Why: never healthy"),
                ],
                "Wait for health");
            Why("Why: never healthy", $"the new task set had fewer than {t.DesiredCount} healthy targets after {attempts * HealthPollSeconds} s", null);
            _states["Wait for health"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = HealthPollSeconds, ["Next"] = "Read target health" };

            Shifting();
            RollBackStates();
            return new JsonObject
            {
                ["Comment"] = "Cutover release controller generated from cutover.yaml (issue 15). Input: {\"release\": id, \"taskDefinition\": ARN}.",
                ["StartAt"] = "Read task sets",
                ["States"] = _states,
            };
        }

        /// <summary>Hooks then approval; returns the first of their states (or the first step).</summary>
        private string PreTraffic()
        {
            var next = release.ManualApproval ? "Event: approval waiting" : StepName(0);
            var hooks = release.PreTrafficHooks;
            for (var index = hooks.Count - 1; index >= 0; index--)
            {
                var hook = hooks[index];
                var name = $"Hook {index + 1}: {hook.Name}";
                var environment = new JsonArray(new JsonObject { ["Name"] = "CUTOVER_TEST_URL", ["Value"] = t.TestUrl }, new JsonObject { ["Name"] = "CUTOVER_HOOK", ["Value"] = hook.Name });
                foreach (var (key, value) in hook.Command.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    environment.Add(new JsonObject { ["Name"] = key, ["Value"] = value });
                }

                _states[name] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::ecs:runTask.sync",
                    ["Parameters"] = new JsonObject
                    {
                        ["Cluster"] = t.Cluster,
                        ["TaskDefinition"] = t.HookTaskDefinition ?? throw new InvalidOperationException("hooks need the hook task definition"),
                        ["LaunchType"] = "FARGATE",
                        ["NetworkConfiguration"] = Network(),
                        ["Overrides"] = new JsonObject
                        {
                            ["ContainerOverrides"] = new JsonArray(new JsonObject
                            {
                                ["Name"] = "hook",
                                ["Command"] = new JsonArray([hook.Command.Command, .. hook.Command.Args.Select(a => (JsonNode)a)]),
                                ["Environment"] = environment,
                            }),
                        },
                    },
                    ["TimeoutSeconds"] = (int)Math.Ceiling(hook.Command.Timeout.TotalSeconds),
                    ["ResultSelector"] = new JsonObject { ["exitCode.$"] = "$.Containers[0].ExitCode" },
                    ["ResultPath"] = "$.hook",
                    ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.error", ["Next"] = $"Why: hook {index + 1} failed" }),
                    ["Next"] = $"Hook {index + 1} passed?",
                };
                _states[$"Hook {index + 1} passed?"] = Choice([Rule(NumberEquals("$.hook.exitCode", 0), $"Event: hook {index + 1} passed")], $"Why: hook {index + 1} failed");
                Event($"Event: hook {index + 1} passed", "hook.passed", next, extra: new JsonObject { ["hook"] = hook.Name });
                Why($"Why: hook {index + 1} failed", $"pre-traffic hook '{hook.Name}' failed", "$.hook");
                next = name;
            }

            if (release.ManualApproval)
            {
                Event("Event: approval waiting", "approval.waiting", "Await approval");
                _states["Await approval"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::sns:publish.waitForTaskToken",
                    ["Parameters"] = new JsonObject
                    {
                        ["TopicArn"] = t.ApprovalTopic,
                        ["Subject"] = "Cutover release waiting for approval",
                        ["Message"] = new JsonObject
                        {
                            ["release.$"] = "$.release",
                            ["taskDefinition.$"] = "$.taskDefinition",
                            ["taskToken.$"] = "$$.Task.Token",
                            ["approve"] = "aws stepfunctions send-task-success --task-token <taskToken> --task-output '{\"approvedBy\":\"<you>\"}'",
                            ["deny"] = "aws stepfunctions send-task-failure --task-token <taskToken> --error Cutover.Denied",
                        },
                    },
                    ["TimeoutSeconds"] = 86_400,
                    ["ResultPath"] = "$.approval",
                    ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.error", ["Next"] = "Why: approval denied" }),
                    ["Next"] = "Event: approved",
                };
                Why("Why: approval denied", "approval denied or timed out", "$.error");
                Event("Event: approved", "approval.given", StepName(0));
            }

            return next;
        }

        private void Shifting()
        {
            for (var index = 0; index < steps.Count; index++)
            {
                var step = steps[index];
                var name = StepName(index);
                var last = index == steps.Count - 1;
                var after = last ? "Bake" : StepName(index + 1);
                AlarmCheck(name, $"Step {index + 1}: shift to {step.Weight}%", onFiring: $"Why: alarm before step {index + 1}");
                Why($"Why: alarm before step {index + 1}", "alarm", "$.alarms.firing");
                Task($"Step {index + 1}: shift to {step.Weight}%", "aws-sdk:elasticloadbalancingv2:modifyRule", Weights(step.Weight), next: $"Event: step {index + 1} shifted", resultPath: null, onError: $"Why: step {index + 1} not shifted");
                Why($"Why: step {index + 1} not shifted", "modifyRule failed", "$.error");
                var pause = (int)Math.Ceiling(step.Pause.TotalSeconds);
                var check = $"Step {index + 1}: alarms after";
                Event($"Event: step {index + 1} shifted", "traffic.shifted", pause > 0 ? $"Step {index + 1}: pause {pause} s" : check, extra: new JsonObject { ["step"] = index + 1, ["weight"] = step.Weight });
                if (pause > 0)
                {
                    _states[$"Step {index + 1}: pause {pause} s"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = pause, ["Next"] = check };
                }

                AlarmCheck(check, after, onFiring: $"Why: alarm after step {index + 1}");
                Why($"Why: alarm after step {index + 1}", "alarm", "$.alarms.firing");
            }

            var bake = (int)Math.Ceiling(release.BakeTime.TotalSeconds);
            _states["Bake"] = bake > 0
                ? new JsonObject { ["Type"] = "Wait", ["Seconds"] = bake, ["Next"] = "Alarms after bake" }
                : new JsonObject { ["Type"] = "Pass", ["Next"] = "Alarms after bake" };
            AlarmCheck("Alarms after bake", "Make the new task set primary", onFiring: "Why: alarm during bake");
            Why("Why: alarm during bake", "alarm", "$.alarms.firing");
            ForSide("Make the new task set primary", "$.side.name", "aws-sdk:ecs:updateServicePrimaryTaskSet", "PrimaryTaskSet", "Event: promoted");
            var wait = (int)Math.Ceiling(release.TerminationWait.TotalSeconds);
            Event("Event: promoted", "release.promoted", "Termination wait");
            _states["Termination wait"] = wait > 0
                ? new JsonObject { ["Type"] = "Wait", ["Seconds"] = wait, ["Next"] = "Drain the old side" }
                : new JsonObject { ["Type"] = "Pass", ["Next"] = "Drain the old side" };
            ForSide("Drain the old side", "$.side.oldName", "aws-sdk:ecs:deleteTaskSet", "TaskSet", "Event: completed");
            Event("Event: completed", "release.completed", "Released");
            _states["Released"] = new JsonObject { ["Type"] = "Succeed" };
        }

        private void RollBackStates()
        {
            _states[RollBack] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::aws-sdk:elasticloadbalancingv2:modifyRule",
                ["Parameters"] = Weights(0),
                ["ResultPath"] = JsonValue.Create((string?)null),
                ["Retry"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["IntervalSeconds"] = 2, ["MaxAttempts"] = 5, ["BackoffRate"] = 2 }),
                ["Next"] = "Event: rolled back",
            };
            Event("Event: rolled back", "release.rolledBack", "RollBack: remove the new task set", extra: new JsonObject { ["reason.$"] = "$.reason" });
            ForSide("RollBack: remove the new task set", "$.side.name", "aws-sdk:ecs:deleteTaskSet", "TaskSet", "Rolled back");
            _states["Rolled back"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "Cutover.RolledBack", ["Cause"] = "the release was rolled back; the reason is in the release.rolledBack event" };
        }

        /// <summary>Reads the service's task sets again and calls <paramref name="api"/> on each that serves the side at <paramref name="sidePath"/>.</summary>
        private void ForSide(string name, string sidePath, string api, string parameter, string next)
        {
            Task(name, "aws-sdk:ecs:describeServices", new JsonObject { ["Cluster"] = t.Cluster, ["Services"] = new JsonArray(t.Service) },
                next: $"{name}: each task set", resultPath: "$.current", selector: new JsonObject { ["all.$"] = "$.Services[0].TaskSets" });
            _states[$"{name}: each task set"] = new JsonObject
            {
                ["Type"] = "Map",
                ["ItemsPath"] = "$.current.all",
                ["ItemSelector"] = new JsonObject { ["set.$"] = "$$.Map.Item.Value", ["side.$"] = sidePath },
                ["ItemProcessor"] = new JsonObject
                {
                    ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
                    ["StartAt"] = $"{name}: this side?",
                    ["States"] = new JsonObject
                    {
                        [$"{name}: this side?"] = Choice([Rule(new JsonObject { ["Variable"] = "$.set.ExternalId", ["StringEqualsPath"] = "$.side" }, $"{name}: call")], $"{name}: other side"),
                        [$"{name}: other side"] = new JsonObject { ["Type"] = "Pass", ["End"] = true },
                        [$"{name}: call"] = new JsonObject
                        {
                            ["Type"] = "Task",
                            ["Resource"] = $"arn:aws:states:::{api}",
                            ["Parameters"] = new JsonObject { ["Cluster"] = t.Cluster, ["Service"] = t.Service, [$"{parameter}.$"] = "$.set.Id" },
                            ["Retry"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["IntervalSeconds"] = 2, ["MaxAttempts"] = 3, ["BackoffRate"] = 2 }),
                            ["End"] = true,
                        },
                    },
                },
                ["ResultPath"] = JsonValue.Create((string?)null),
                ["Next"] = next,
            };
        }

        private JsonObject Weights(int newWeight) => new()
        {
            ["RuleArn"] = t.ProductionRule,
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Type"] = "forward",
                ["ForwardConfig"] = new JsonObject
                {
                    ["TargetGroups"] = new JsonArray(
                        new JsonObject { ["TargetGroupArn.$"] = "$.side.new", ["Weight"] = newWeight },
                        new JsonObject { ["TargetGroupArn.$"] = "$.side.old", ["Weight"] = 100 - newWeight }),
                },
            }),
        };

        private JsonObject Network() => new()
        {
            ["AwsvpcConfiguration"] = new JsonObject
            {
                ["Subnets"] = new JsonArray([.. t.Subnets.Select(s => (JsonNode)s)]),
                ["SecurityGroups"] = new JsonArray(t.SecurityGroup),
                ["AssignPublicIp"] = "DISABLED",
            },
        };

        private void Side(string name, string newGroup, string oldGroup, string newSide, string oldSide, string next) =>
            _states[name] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Parameters"] = new JsonObject
                {
                    ["name"] = newSide,
                    ["oldName"] = oldSide,
                    ["new"] = newGroup,
                    ["old"] = oldGroup,
                    ["newWeight.$"] = $"$.weights.{newSide}",
                },
                ["ResultPath"] = "$.side",
                ["Next"] = next,
            };

        private void AlarmCheck(string name, string next, string? onFiring)
        {
            var names = new JsonArray([.. t.RollbackAlarms.Select(a => (JsonNode)a)]);
            var check = onFiring is null ? next : $"{name}: any in ALARM?";
            Task(name, "aws-sdk:cloudwatch:describeAlarms", new JsonObject { ["AlarmNames"] = names, ["StateValue"] = "ALARM" },
                next: check, resultPath: "$.alarms", selector: new JsonObject
                {
                    ["firing.$"] = "$.MetricAlarms",
                    ["count.$"] = "States.ArrayLength($.MetricAlarms)",
                }, onError: onFiring is null ? null : $"Why: {name} unreadable");
            if (onFiring is not null)
            {
                _states[check] = Choice([Rule(NumberGreaterThan("$.alarms.count", 0), onFiring)], next);
                Why($"Why: {name} unreadable", "describeAlarms failed: alarms cannot be judged", "$.error");
            }
        }

        private void Why(string name, string cause, string? detailPath)
        {
            var parameters = new JsonObject { ["cause"] = cause };
            if (detailPath is not null)
            {
                parameters["detail.$"] = detailPath;
            }

            _states[name] = new JsonObject { ["Type"] = "Pass", ["Parameters"] = parameters, ["ResultPath"] = "$.reason", ["Next"] = RollBack };
        }

        private void Event(string name, string kind, string next, JsonObject? extra = null)
        {
            var detail = new JsonObject { ["event"] = kind, ["release.$"] = "$.release", ["taskDefinition.$"] = "$.taskDefinition", ["execution.$"] = "$$.Execution.Id" };
            foreach (var (key, value) in extra ?? [])
            {
                detail[key] = value?.DeepClone();
            }

            _states[name] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::events:putEvents",
                ["Parameters"] = new JsonObject
                {
                    ["Entries"] = new JsonArray(new JsonObject
                    {
                        ["EventBusName"] = t.EventBus,
                        ["Source"] = t.EventSource,
                        ["DetailType"] = "Cutover release transition",
                        ["Detail"] = detail,
                    }),
                },
                // The audit trail must not stop a release (telemetry never throws): a failed put is retried, then passed over.
                ["Retry"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["IntervalSeconds"] = 1, ["MaxAttempts"] = 2 }),
                ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.eventError", ["Next"] = next }),
                ["ResultPath"] = JsonValue.Create((string?)null),
                ["Next"] = next,
            };
        }

        private void Task(string name, string api, JsonObject parameters, string next, string? resultPath, JsonObject? selector = null, string? onError = null)
        {
            var state = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:aws:states:::{api}",
                ["Parameters"] = parameters,
            };
            if (selector is not null)
            {
                state["ResultSelector"] = selector;
            }

            state["ResultPath"] = resultPath is null ? JsonValue.Create((string?)null) : resultPath;
            if (onError is not null)
            {
                state["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.error", ["Next"] = onError });
            }

            state["Next"] = next;
            _states[name] = state;
        }

        private void Pass(string name, string next, string resultPath, JsonObject parameters) =>
            _states[name] = new JsonObject { ["Type"] = "Pass", ["Parameters"] = parameters, ["ResultPath"] = resultPath, ["Next"] = next };

        private static string StepName(int index) => $"Step {index + 1}: alarms before";

        private static JsonObject Choice(IEnumerable<JsonObject> rules, string otherwise) =>
            new() { ["Type"] = "Choice", ["Choices"] = new JsonArray([.. rules]), ["Default"] = otherwise };

        private static JsonObject Rule(JsonObject condition, string next)
        {
            condition["Next"] = next;
            return condition;
        }

        private static JsonObject Bool(string path) => new() { ["Variable"] = path, ["BooleanEquals"] = true };

        private static JsonObject NumberEquals(string path, int value) => new() { ["Variable"] = path, ["NumericEquals"] = value };

        private static JsonObject NumberGreaterThan(string path, int value) => new() { ["Variable"] = path, ["NumericGreaterThan"] = value };

        private static JsonObject NumberLessThanOrEqual(string path, int value) => new() { ["Variable"] = path, ["NumericLessThanEquals"] = value };
    }
}
