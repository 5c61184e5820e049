using Cutover.Server.Tests.Support;
using Cutover.Testing;

namespace Cutover.Server.Tests.Cli;

/// <summary>
/// The real CLI on hostile or mistaken arguments (issue 10). Here rather than in a CLI test project because the
/// CLI is tested as a process next to the control plane it talks to, with this project's <see cref="CliRun"/>.
/// </summary>
public sealed class CliInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("Required argument missing", "deploy")]
    [InlineData("Cannot parse argument 'abc' for option '--limit'", "history", "-n", "abc")]
    [InlineData("Unrecognized command or argument 'nosuch'", "nosuch")]
    [InlineData("Argument 'Canary' not recognized. Must be one of:", "deploy", "v2", "--strategy", "Canary")]
    [InlineData("--url not-a-url: not an http or https URL; write the control plane's address, such as http://127.0.0.1:7400/", "status", "--url", "not-a-url")]
    public async Task Run_ArgumentError_ExitsTwoAndSaysWhy(string message, params string[] arguments)
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), Timeout, null, arguments);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain(message, Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Run_StrategyOptionSpeltOtherThanTheManifest_NamesTheValidValues()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), Timeout, null, "pipeline", "run", "v2", "--strategy", "blue-green");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("'blueGreen'");
        run.Stderr.ShouldContain("'canary'");
        run.Stderr.ShouldContain("'linear'");
    }

    [Fact]
    public async Task Run_UrlOption_IsParsedAndUsed()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}/";

        var run = await CliRun.RunAsync(Path.GetTempPath(), Timeout, null, "status", "--url", url);

        run.ExitCode.ShouldBe(4, run.ToString());
        run.Stderr.ShouldContain($"the control plane at {url} is not reachable");
        run.Stderr.ShouldNotContain("Unhandled exception");
    }

    [Fact]
    public async Task Run_InvalidCutoverUrlVariable_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), Timeout, new Dictionary<string, string> { ["CUTOVER_URL"] = "127.0.0.1:7400" }, "status");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("error: CUTOVER_URL=127.0.0.1:7400: not an http or https URL");
    }

    [Fact]
    public async Task Run_FileIsADirectory_SaysItIsADirectory()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-cli-").FullName;

        var run = await CliRun.RunAsync(directory, Timeout, null, "validate", "--file", directory);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain($"error: {directory} is a directory, not a manifest file. Pass the file itself, such as --file {Path.Combine(directory, "cutover.yaml")}.");
        run.Stderr.ShouldNotContain("no such file");
    }

    [Fact]
    public async Task Run_AgainstARunningControlPlane_PipedStatusIsPlainAndUnknownReleaseIsAnError()
    {
        await using var platform = await PlatformFixture.StartAsync();
        var url = platform.Options.ControlPlaneUri.ToString();

        var status = await CliRun.RunAsync(platform.Directory, Timeout, new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, "status", "--url", url);
        var history = await CliRun.RunAsync(platform.Directory, Timeout, null, "history", "--release", "no-such-release", "--url", url);
        var deploy = await CliRun.RunAsync(platform.Directory, Timeout, null, "deploy", "v2", "--strategy", "Canary", "--url", url);

        status.ExitCode.ShouldBe(0, status.ToString());
        status.Stdout.ShouldContain("UP");
        status.Stdout.ShouldNotContain("\u001b[", Case.Sensitive, "stdout is a pipe: no ANSI escape codes");
        history.ExitCode.ShouldBe(2, history.ToString());
        history.Stderr.ShouldContain("no release with id 'no-such-release'");
        deploy.ExitCode.ShouldBe(2, deploy.ToString());
        (await platform.GetStatusAsync()).Release.ShouldBeNull();
    }
}
