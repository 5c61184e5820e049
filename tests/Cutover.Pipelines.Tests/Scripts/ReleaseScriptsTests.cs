using Cutover.Pipelines.Tests.Support;
using Cutover.Testing;

namespace Cutover.Pipelines.Tests.Scripts;

/// <summary>
/// The release workflows' AWS scripts against a hand-written fake <c>aws</c> command on PATH that answers like the ECS
/// and ECR APIs (no AWS here): a rolled-back deployment must fail the job, a successful one with the tag must pass.
/// </summary>
public sealed class ReleaseScriptsTests : IDisposable
{
    private const string FakeAws = """
        #!/usr/bin/env bash
        # Fake AWS CLI: answers from files in $FAKE_AWS_DIR, logs every call.
        set -euo pipefail
        echo "$*" >>"$FAKE_AWS_DIR/calls"
        case "$1 $2" in
          "ecs list-service-deployments") echo '{"serviceDeployments":[{"serviceDeploymentArn":"arn:aws:ecs:x:1:service-deployment/c/s/d1"}]}' ;;
          "ecs describe-service-deployments")
            status=$(head -n 1 "$FAKE_AWS_DIR/statuses")
            if [ "$(wc -l <"$FAKE_AWS_DIR/statuses")" -gt 1 ]; then sed -i 1d "$FAKE_AWS_DIR/statuses"; fi
            printf '{"serviceDeployments":[{"status":"%s","statusReason":"alarm fired","alarms":{"triggeredAlarmNames":["sample-prod-use1-error-rate"]}}]}\n' "$status" ;;
          "ecs describe-services") echo '{"services":[{"taskDefinition":"arn:aws:ecs:x:1:task-definition/sample-prod:7"}]}' ;;
          "ecs describe-task-definition") printf '{"taskDefinition":{"containerDefinitions":[{"name":"app","image":"%s"},{"name":"aws-otel-collector","image":"otel:v0.41.1"}]}}\n' "$(cat "$FAKE_AWS_DIR/image")" ;;
          "ecr describe-images") cat "$FAKE_AWS_DIR/digest" 2>/dev/null || { echo "ImageNotFoundException" >&2; exit 254; } ;;
          *) echo "fake aws: unexpected $*" >&2; exit 99 ;;
        esac
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("cutover-fake-aws-").FullName;

    public ReleaseScriptsTests()
    {
        var aws = Path.Combine(_folder, "aws");
        File.WriteAllText(aws, FakeAws);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(Path.Combine(_folder, "image"), "123456789012.dkr.ecr.us-east-1.amazonaws.com/cutover/sample:v2");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EcsWait_DeploymentSucceedsWithTheTag_ExitsZeroAfterPolling()
    {
        Statuses("PENDING", "IN_PROGRESS", "SUCCESSFUL");

        var run = await WaitAsync("v2");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("deployed 123456789012.dkr.ecr.us-east-1.amazonaws.com/cutover/sample:v2");
        Calls().Count(call => call.StartsWith("ecs describe-service-deployments", StringComparison.Ordinal)).ShouldBe(3);
        Calls().ShouldAllBe(call => call.Contains("--region us-east-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ROLLBACK_SUCCESSFUL")]
    [InlineData("ROLLBACK_IN_PROGRESS")]
    [InlineData("STOPPED")]
    public async Task EcsWait_DeploymentRolledBackOrStopped_ExitsOneAndNamesTheAlarm(string status)
    {
        Statuses("IN_PROGRESS", status);

        var run = await WaitAsync("v2");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain($"deployment {status} (alarm fired; alarms: sample-prod-use1-error-rate)");
    }

    [Fact]
    public async Task EcsWait_SucceededButServesAnotherImage_ExitsOne()
    {
        Statuses("SUCCESSFUL");

        var run = await WaitAsync("v3");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("serves 123456789012.dkr.ecr.us-east-1.amazonaws.com/cutover/sample:v2, not tag v3");
    }

    [Fact]
    public async Task EcsWait_StillInProgressAtTheTimeout_ExitsThree()
    {
        Statuses("IN_PROGRESS");

        var run = await WaitAsync("v2", timeoutSeconds: "0");

        run.ExitCode.ShouldBe(3, run.ToString());
        run.Error.ShouldContain("still IN_PROGRESS after 0s");
    }

    [Theory]
    [InlineData("v1.4.2", 0)]
    [InlineData("main-0123456789ab", 0)]
    [InlineData("main-xyz", 2)]
    [InlineData("v1;touch /tmp/x", 2)]
    [InlineData("latest", 2)]
    public async Task EcrImageExists_TagFromAPerson_OnlyReleaseTagsReachAws(string tag, int exitCode)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "digest"), "sha256:abc\n");

        var run = await RunScriptAsync("ecr-image-exists.sh", "cutover/sample", tag, "us-east-1");

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        File.Exists(Path.Combine(_folder, "calls")).ShouldBe(exitCode == 0);
    }

    [Fact]
    public async Task EcrImageExists_TagNotInTheRepository_ExitsOne()
    {
        var run = await RunScriptAsync("ecr-image-exists.sh", "cutover/sample", "v9.9.9", "us-east-1");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("cutover/sample:v9.9.9 is not in ECR in us-east-1");
    }

    private void Statuses(params string[] statuses) =>
        File.WriteAllLines(Path.Combine(_folder, "statuses"), statuses);

    private string[] Calls() => File.ReadAllLines(Path.Combine(_folder, "calls"));

    private Task<ToolRun> WaitAsync(string tag, string timeoutSeconds = "60") =>
        RunScriptAsync("ecs-wait-deployment.sh", "sample-prod-use1", "sample", "us-east-1", tag, timeoutSeconds);

    private Task<ToolRun> RunScriptAsync(string script, params string[] arguments) => ToolRun.RunAsync(
        "bash",
        [Path.Combine(RepositoryPaths.Root, "scripts", script), .. arguments],
        new Dictionary<string, string>
        {
            ["PATH"] = $"{_folder}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_AWS_DIR"] = _folder,
            ["POLL_SECONDS"] = "0",
        });
}
