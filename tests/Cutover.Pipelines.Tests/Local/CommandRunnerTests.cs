using Cutover.Pipelines.Local;

namespace Cutover.Pipelines.Tests.Local;

public sealed class CommandRunnerTests
{
    [Fact]
    public async Task RunAsync_CommandFails_ReturnsExitCodeAndBothStreamsInOrder()
    {
        var seen = new List<string>();
        var command = StageCommand.Shell("echo one; echo two >&2; exit 3", Path.GetTempPath(), TimeSpan.FromSeconds(30));

        var result = await CommandRunner.RunAsync(command, line => { lock (seen) { seen.Add(line); } }, CancellationToken.None);

        result.ExitCode.ShouldBe(3);
        result.Succeeded.ShouldBeFalse();
        result.Output.ShouldBe(["one", "two"], ignoreOrder: true);
        seen.ShouldBe(["one", "two"], ignoreOrder: true);
        result.Describe(command).ShouldBe("`echo one; echo two >&2; exit 3` exited with code 3");
    }

    [Fact]
    public async Task RunAsync_CommandOutlivesItsTimeout_IsKilledAndReportedAsTimedOut()
    {
        var command = StageCommand.Shell("sleep 30", Path.GetTempPath(), TimeSpan.FromMilliseconds(300));
        var clock = TimeProvider.System.GetTimestamp();

        var result = await CommandRunner.RunAsync(command, _ => { }, CancellationToken.None);

        result.TimedOut.ShouldBeTrue();
        TimeProvider.System.GetElapsedTime(clock).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_ProgramDoesNotExist_ReportsItCouldNotStart()
    {
        var command = new StageCommand("no-such-program-xyz", [], Path.GetTempPath(), TimeSpan.FromSeconds(5));

        var result = await CommandRunner.RunAsync(command, _ => { }, CancellationToken.None);

        result.StartError.ShouldNotBeNull();
        result.Describe(command).ShouldStartWith("`no-such-program-xyz` could not start:");
    }

    [Fact]
    public async Task RunAsync_CommandReadsInput_GetsEndOfFileInsteadOfHanging()
    {
        var result = await CommandRunner.RunAsync(StageCommand.Shell("cat; echo done", Path.GetTempPath(), TimeSpan.FromSeconds(10)), _ => { }, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Output.ShouldBe(["done"]);
    }
}
