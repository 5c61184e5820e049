namespace Cutover.Aws.Tests.Support;

/// <summary>The repository's root, found from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Manifest => System.IO.Path.Combine(Path, "cutover.yaml");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Cutover.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Cutover.slnx above {AppContext.BaseDirectory}");
    }
}
