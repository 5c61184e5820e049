using System.Diagnostics;
using System.Text.Json;
using Cutover.Aws.Releases;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Releases;

/// <summary>
/// The generated release controller, checked by npm asl-validator and executed by npm aws-local-stepfunctions (a real
/// ASL interpreter) through scripts/release-controller.cjs, which answers each AWS API call from a simulated account.
/// </summary>
public sealed class ReleaseStateMachineTests
{
    private const string Blue = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/shop-use1-blue/1";
    private const string Green = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/shop-use1-green/2";

    private static readonly Lazy<Task<JsonElement>> Report = new(RunAsync);

    private static ReleaseSpec Release => new()
    {
        Strategy = ReleaseStrategyKind.Canary,
        ManualApproval = true,
        PreTrafficHooks = [new HookSpec { Name = "smoke", Command = new CommandSpec { Command = "./smoke.sh", Args = ["--quick"] } }],
        Canary = new CanarySpec
        {
            Steps = [new TrafficStep(5, TimeSpan.FromSeconds(30)), new TrafficStep(10, TimeSpan.FromSeconds(30)), new TrafficStep(25, TimeSpan.FromSeconds(30)), new TrafficStep(50, TimeSpan.FromSeconds(30)), new TrafficStep(100, TimeSpan.Zero)],
        },
    };

    private static ReleaseControllerTargets Targets => new()
    {
        Cluster = "shop-prod-use1",
        Service = "shop",
        BlueTargetGroup = Blue,
        GreenTargetGroup = Green,
        ProductionRule = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/app/shop/1/2/3",
        Subnets = ["subnet-1", "subnet-2"],
        SecurityGroup = "sg-1",
        ContainerPort = 8080,
        DesiredCount = 3,
        RollbackAlarms = ["shop-prod-5xx", "shop-prod-p99"],
        HookTaskDefinition = "arn:aws:ecs:us-east-1:111111111111:task-definition/shop-prod-hooks:1",
        TestUrl = "https://use1.shop.example.com:8443",
        ApprovalTopic = "arn:aws:sns:us-east-1:111111111111:shop-prod-approvals",
        EventBus = "default",
        EventSource = "cutover.release",
    };

    [Fact]
    public async Task Definition_PassesAslValidator()
    {
        var report = await Report.Value;
        report.GetProperty("valid").GetBoolean().ShouldBeTrue(report.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Execute_AllStepsSucceed_ShiftsThroughEveryManifestStepThenDrainsTheOldSide()
    {
        var run = await ScenarioAsync("all steps succeed");
        run.GetProperty("outcome").GetString().ShouldBe("succeeded");
        Ints(run, "weights").ShouldBe([5, 10, 25, 50, 100]);
        run.GetProperty("primary").GetString().ShouldBe("ecs-svc/green");
        Strings(run, "deleted").ShouldBe(["ecs-svc/old"]);
        Strings(run, "events").ShouldBe(
        [
            "instances.started", "hook-run:https://use1.shop.example.com:8443", "hook.passed", "approval.waiting", "approval.given",
            "traffic.shifted:5", "traffic.shifted:10", "traffic.shifted:25", "traffic.shifted:50", "traffic.shifted:100", "release.promoted", "release.completed",
        ]);
    }

    [Fact]
    public async Task Execute_AlarmAtStep3_RollsBackAtOnce()
    {
        var run = await ScenarioAsync("alarm at step 3");
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        Ints(run, "weights").ShouldBe([5, 10, 25, 0]);
        Strings(run, "deleted").ShouldBe(["ecs-svc/green"]);
        run.GetProperty("finalWeights").GetProperty("blue").GetInt32().ShouldBe(100);
        Strings(run, "events").ShouldContain("release.rolledBack");
    }

    [Fact]
    public async Task Execute_AlarmFiringAtStart_RefusesBeforeCreatingAnything()
    {
        var run = await ScenarioAsync("alarm at start");
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        Ints(run, "weights").ShouldBeEmpty();
        Strings(run, "created").ShouldBeEmpty();
        Strings(run, "events").ShouldBe(["release.refused"]);
    }

    [Fact]
    public async Task Execute_FailedHook_RollsBackWithoutProductionTraffic()
    {
        var run = await ScenarioAsync("failed hook");
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        Ints(run, "weights").ShouldBe([0]);
        Strings(run, "events").ShouldNotContain("hook.passed");
        Strings(run, "events").ShouldNotContain("approval.waiting");
        Strings(run, "deleted").ShouldBe(["ecs-svc/green"]);
    }

    [Fact]
    public async Task Execute_ApprovalDenied_RollsBack()
    {
        var run = await ScenarioAsync("approval denied");
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        Ints(run, "weights").ShouldBe([0]);
        Strings(run, "events").ShouldNotContain("approval.given");
    }

    [Fact]
    public async Task Execute_StoppedAfterStep2_NewExecutionContinuesFromTheListenerWeights()
    {
        var run = await ScenarioAsync("stopped after step 2");
        run.GetProperty("outcome").GetString().ShouldBe("succeeded");
        Strings(run, "created").ShouldBe(["ecs-svc/green"]);
        // The second execution re-applies step 2 (10%, idempotent) and goes on; no second task set, hook or approval.
        Ints(run, "weights").ShouldBe([5, 10, 10, 25, 50, 100]);
        var events = Strings(run, "events");
        events.Count(e => e == "approval.given").ShouldBe(1);
        events[events.IndexOf("stopped") + 1].ShouldBe("traffic.shifted:10");
        Strings(run, "deleted").ShouldBe(["ecs-svc/old"]);
    }

    private static async Task<JsonElement> ScenarioAsync(string name)
    {
        var report = await Report.Value;
        report.GetProperty("valid").GetBoolean().ShouldBeTrue(report.GetProperty("errors").ToString());
        return report.GetProperty("scenarios").GetProperty(name);
    }

    private static List<int> Ints(JsonElement run, string name) => [.. run.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    private static List<string> Strings(JsonElement run, string name) => [.. run.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static async Task<JsonElement> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cutover-sfn-");
        try
        {
            return await RunInAsync(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<JsonElement> RunInAsync(string folder)
    {
        var definition = Path.Combine(folder, "definition.json");
        var scenarios = Path.Combine(folder, "scenarios.json");
        await File.WriteAllTextAsync(definition, ReleaseStateMachine.Definition(Release, ReleaseStrategyKind.Canary, Targets));
        await File.WriteAllTextAsync(scenarios, """
            [
              { "name": "all steps succeed", "approval": "given" },
              { "name": "alarm at step 3", "approval": "given", "alarmAtStep": 3 },
              { "name": "alarm at start", "alarmAtStart": true },
              { "name": "failed hook", "hookExitCode": 1 },
              { "name": "approval denied", "approval": "denied" },
              { "name": "stopped after step 2", "approval": "given", "stopAfterStep": 2 }
            ]
            """);
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryRoot.Path, "scripts", "release-controller.cjs"), definition, scenarios])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty($"release-controller.cjs printed nothing (exit {node.ExitCode}): {await error}");
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }
}
