using System.Globalization;
using System.Net.Http.Json;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Tests.Support;
using Cutover.Testing;

namespace Cutover.Server.Tests.Pipelines;

/// <summary><c>cutover pipeline run</c> as a user runs it: the real CLI, control plane, HAProxy, Prometheus and sample.</summary>
public sealed class PipelineRunEndToEndTests
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task PipelineRun_V2WithNothingRunning_StartsThePlatformReleasesV2AndReportsEveryStage()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-pipeline-").FullName;
        // The sample is already built by the test project's references; the build stage checks its output is there.
        var yaml = PlatformFixture.ManifestYaml(PlatformFixture.NewPorts()).Replace(
            "service:\n  name: sample\n",
            $"service:\n  name: sample\n  build: {{ command: test, args: [-f, \"{RepositoryPaths.SampleServiceDll}\"] }}\n",
            StringComparison.Ordinal);
        var options = PlatformFixture.OptionsFor(yaml, directory);
        var manifest = Path.Combine(directory, "cutover.yaml");
        using var api = new HttpClient { BaseAddress = options.ControlPlaneUri, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            // Live traffic, as in production: without requests the canary's alarms have no data and it is not promoted.
            // Paced, because the platform only starts during the run and refused connections would otherwise spin.
            using var stopLoad = new CancellationTokenSource();
            var load = Task.Run(() => TrafficAsync(options.ProductionUri, stopLoad.Token));
            var run = await CliRun.RunAsync(directory, CliTimeout, null, "pipeline", "run", "v2", "--file", manifest, "--test-command", "echo 12 tests passed");
            await stopLoad.CancelAsync();
            await load;

            run.ExitCode.ShouldBe(0, run.ToString());
            var status = (await api.GetFromJsonAsync<StatusResponse>("api/v1/status", PlatformFixture.Json))!;
            status.CurrentVersion.ShouldBe("v2");
            status.Instances.ShouldAllBe(i => i.Version == "v2");
            var release = (await api.GetFromJsonAsync<List<ReleaseState>>("api/v1/releases", PlatformFixture.Json))!.ShouldHaveSingleItem();
            (release.Version, release.PreviousVersion, release.Phase).ShouldBe(("v2", "v1", ReleasePhase.Succeeded));
            var rows = SummaryRows(run.Stdout);
            rows["build"].ShouldStartWith("passed");
            rows["test"].ShouldContain("`echo 12 tests passed` exited 0");
            rows["scan"].ShouldContain("secrets: none in");
            rows["staging"].ShouldContain("SUCCEEDED  v2 serves 100% of production");
            rows["approval"].ShouldBe("skipped         0.0s  a local run has no approval gate (--approve-interactively asks at the terminal)");
            rows["production-primary"].ShouldContain("aws only: skipped");
            rows["production-secondary"].ShouldContain("aws only: skipped");
            run.Stdout.ShouldContain("pipeline passed in");
            run.Stderr.ShouldContain("[staging] release v2 to the local target (canary)");
            run.Stderr.ShouldContain("[staging] passed in");
        }
        finally
        {
            await CliRun.RunAsync(directory, CliTimeout, null, "down", "--file", manifest);
            KillLeftover(Path.Combine(options.StateDirectory, "control-plane.pid"));
            TryDelete(directory);
        }
    }

    [Fact]
    public async Task PipelineRun_TestStageFails_ExitsNonZeroNamingTheStageAndReleasesNothing()
    {
        await using var platform = await PlatformFixture.StartAsync();
        var manifest = Path.Combine(platform.Directory, "cutover.yaml");

        var run = await CliRun.RunAsync(platform.Directory, CliTimeout, null, "pipeline", "run", "v2", "--file", manifest, "--test-command", "echo 'GreetingTests failed: expected hi' >&2; exit 1");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Stderr.ShouldContain("error: the test stage failed: `echo 'GreetingTests failed: expected hi' >&2; exit 1` exited with code 1; nothing was released");
        run.Stderr.ShouldContain("[test] | GreetingTests failed: expected hi");
        var rows = SummaryRows(run.Stdout);
        rows["test"].ShouldStartWith("FAILED");
        rows["scan"].ShouldContain("not run: test failed");
        rows["staging"].ShouldContain("not run: test failed");
        var status = await platform.GetStatusAsync();
        status.CurrentVersion.ShouldBe("v1");
        status.Instances.ShouldAllBe(i => i.Version == "v1");
        (await platform.Api.GetFromJsonAsync<List<ReleaseState>>("api/v1/releases", PlatformFixture.Json))!.ShouldBeEmpty();
    }

    private static async Task TrafficAsync(Uri production, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(production, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                // Stopped, or one slow request.
            }
        }
    }

    [Theory]
    [InlineData("--stages build,tset", "error: --stages build,tset: unknown stage(s) tset; use build, test, scan, staging, approval, production-primary, production-secondary")]
    [InlineData("", "error: the staging stage needs a version: cutover pipeline run <version> (or leave staging out with --stages)")]
    [InlineData("v9", "error: unknown version 'v9': ")]
    [InlineData("v2", "environments.local.secrets.API_KEY: file:missing-api-key.txt")]
    public async Task PipelineRun_InvalidInput_ExitsTwoAndRunsNothing(string arguments, string error)
    {
        var directory = Directory.CreateTempSubdirectory("cutover-pipeline-").FullName;
        var yaml = PlatformFixture.ManifestYaml(PlatformFixture.NewPorts())
            .Replace("    target: local\n", "    target: local\n    secrets: { API_KEY: file:missing-api-key.txt }\n", StringComparison.Ordinal);
        var options = PlatformFixture.OptionsFor(yaml, directory);

        var run = await CliRun.RunAsync(directory, CliTimeout, null, ["pipeline", "run", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--file", Path.Combine(directory, "cutover.yaml")]);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain(error);
        run.Stderr.ShouldContain("nothing was run");
        run.Stdout.Trim().ShouldBeEmpty();
        Directory.Exists(options.StateDirectory).ShouldBeFalse();
        TryDelete(directory);
    }

    [Theory]
    [InlineData("y\n", 0, "passed", "approved at the terminal")]
    [InlineData("n\n", 5, "REFUSED", "not approved at the terminal")]
    public async Task PipelineRun_ApproveInteractively_AsksAndFollowsTheAnswer(string answer, int exitCode, string result, string detail)
    {
        var directory = Directory.CreateTempSubdirectory("cutover-pipeline-").FullName;
        PlatformFixture.OptionsFor(PlatformFixture.ManifestYaml(PlatformFixture.NewPorts()), directory);

        var run = await CliRun.RunWithInputAsync(directory, CliTimeout, null, answer, "pipeline", "run", "--stages", "approval", "--approve-interactively", "--file", Path.Combine(directory, "cutover.yaml"));

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Stderr.ShouldContain("approval: release to production? [y/N]");
        SummaryRows(run.Stdout)["approval"].ShouldStartWith(result);
        SummaryRows(run.Stdout)["approval"].ShouldEndWith(detail);
        TryDelete(directory);
    }

    /// <summary>Stage name to the rest of its row in the summary table.</summary>
    private static Dictionary<string, string> SummaryRows(string stdout) =>
        stdout.Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.StartsWith("STAGE", StringComparison.Ordinal) && !l.StartsWith("pipeline", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static void KillLeftover(string pidFile)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone: cutover down stopped it.
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still being written by a process on its way out; the temp folder is cleaned later.
        }
    }
}
