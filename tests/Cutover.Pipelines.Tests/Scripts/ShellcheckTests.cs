using Cutover.Pipelines.Tests.Support;

namespace Cutover.Pipelines.Tests.Scripts;

/// <summary>shellcheck (Debian's package, installed by scripts/install-deps.sh) on every shell script of the repository.</summary>
public sealed class ShellcheckTests
{
    [Fact]
    public async Task Shellcheck_RepositoryScripts_PassWithoutFindings()
    {
        RepositoryFiles.ShellScripts.Count.ShouldBeGreaterThan(10);

        var run = await ToolRun.RunAsync("shellcheck", RepositoryFiles.ShellScripts);

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task Shellcheck_ScriptWithUnquotedVariable_Fails()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cutover-shellcheck-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, "#!/usr/bin/env bash\nfile=$1\nrm $file\n");
        try
        {
            var run = await ToolRun.RunAsync("shellcheck", [path]);

            run.ExitCode.ShouldBe(1);
            run.Output.ShouldContain("SC2086");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
