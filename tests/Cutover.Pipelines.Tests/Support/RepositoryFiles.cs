using Cutover.Pipelines.Containers;
using Cutover.Pipelines.Workflows;
using Cutover.Testing;

namespace Cutover.Pipelines.Tests.Support;

/// <summary>The repository's own workflows, Dockerfile and scripts, read once.</summary>
internal static class RepositoryFiles
{
    public static string WorkflowsFolder { get; } = Path.Combine(RepositoryPaths.Root, ".github", "workflows");

    public static string DockerfilePath { get; } = Path.Combine(RepositoryPaths.Root, "samples", "Cutover.SampleService", "Dockerfile");

    public static Workflow Ci { get; } = Read("ci.yml");

    public static Workflow Release { get; } = Read("release.yml");

    public static Workflow Rollback { get; } = Read("rollback.yml");

    public static Dockerfile Dockerfile { get; } = DockerfileReader.ReadFile(DockerfilePath);

    /// <summary>Every shell script shellcheck must pass: scripts/*.sh, bench/*, .ci/run and the cutover launcher.</summary>
    public static IReadOnlyList<string> ShellScripts { get; } =
    [
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scripts"), "*.sh").Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "bench")).Order(StringComparer.Ordinal),
        Path.Combine(RepositoryPaths.Root, ".ci", "run"),
        Path.Combine(RepositoryPaths.Root, "cutover"),
    ];

    private static Workflow Read(string name)
    {
        var result = WorkflowReader.ReadFile(Path.Combine(WorkflowsFolder, name));
        result.Error.ShouldBeNull();
        return result.Workflow!;
    }
}
