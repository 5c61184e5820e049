using Cutover.Server.Platform;
using Cutover.Server.Tests.Support;
using Cutover.Testing;

namespace Cutover.Server.Tests;

/// <summary>
/// <c>cutover up</c> on a state directory with too little free space (issue 10), on a real 2 MiB tmpfs: refused before
/// anything is built or started, saying where, how much is free, the minimum and how to change it.
/// </summary>
public sealed class StateDiskCheckTests
{
    [Fact]
    public async Task Up_StateDirectoryBelowTheMinimum_RefusesNamingTheDirectoryTheSpaceAndTheField()
    {
        using var disk = SmallDisk.Mount(2048);
        var directory = Directory.CreateTempSubdirectory("cutover-small-state-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "cutover.yaml"), PlatformFixture.ManifestYaml(PlatformFixture.NewPorts(), smokeHook: false));
            var state = Path.Combine(disk.Path, "state");

            var run = await CliRun.RunAsync(directory, TimeSpan.FromMinutes(1), null, "up", "--no-build", "--state-dir", state);

            run.ExitCode.ShouldBe(1, run.ToString());
            run.Stderr.ShouldContain($"the state directory {state} has ", Case.Sensitive, run.ToString());
            run.Stderr.ShouldContain("MiB free, below the minimum of 100 MiB (environments.local.minFreeDiskMb in ", Case.Sensitive, run.ToString());
            run.Stderr.ShouldContain("--state-dir", Case.Sensitive, run.ToString());
            Directory.Exists(state).ShouldBeFalse("nothing was started, so nothing was written");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Problem_MinimumTheDiskMeets_IsNoneAndTheHostBuildsOnlyThen()
    {
        using var disk = SmallDisk.Mount(2048);
        var directory = Directory.CreateTempSubdirectory("cutover-small-state-").FullName;
        try
        {
            var yaml = PlatformFixture.ManifestYaml(PlatformFixture.NewPorts(), smokeHook: false);
            var fits = PlatformFixture.OptionsFor(yaml.Replace("    target: local\n", "    target: local\n    minFreeDiskMb: 1\n", StringComparison.Ordinal), directory, disk.Path);
            var tooSmall = PlatformFixture.OptionsFor(yaml.Replace("    target: local\n", "    target: local\n    minFreeDiskMb: 3\n", StringComparison.Ordinal), directory, disk.Path);

            fits.Environment.MinFreeDiskMb.ShouldBe(1);
            StateDiskCheck.Problem(fits).ShouldBeNull();
            StateDiskCheck.Problem(tooSmall).ShouldNotBeNull().ShouldContain("below the minimum of 3 MiB");
            Should.Throw<PlatformStartException>(() => ControlPlaneHost.Build(tooSmall)).Message.ShouldContain(disk.Path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
