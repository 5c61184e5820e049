namespace Cutover.Testing;

/// <summary>Finds the repository and the built sample service from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, whichever built the running tests.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string SampleServiceDll { get; } =
        Path.Combine(Root, "samples", "Cutover.SampleService", "bin", Configuration, "net10.0", "Cutover.SampleService.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cutover.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Cutover.slnx above {AppContext.BaseDirectory}");
    }
}
