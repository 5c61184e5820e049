namespace Cutover.Pipelines.Local.Scan;

/// <summary>The files a scan looks at: what git tracks, or, outside a git repository, every file not in a dot-folder, bin, obj or node_modules.</summary>
public static class TrackedFiles
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>Paths relative to <paramref name="root"/>, and where they came from ("git ls-files" or "the folder").</summary>
    public static async Task<(IReadOnlyList<string> Paths, string Source)> ListAsync(string root, CancellationToken cancellationToken)
    {
        var git = await CommandRunner.RunAsync(
            new StageCommand("git", ["ls-files", "-z", "--cached", "--", "."], root, TimeSpan.FromMinutes(1)),
            _ => { },
            cancellationToken).ConfigureAwait(false);
        if (git.Succeeded)
        {
            // -z separates with NUL, which survives the line splitting intact; paths may hold newlines only in theory.
            var paths = string.Join('\n', git.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('\n')).Where(p => p.Length > 0).ToList();
            return (paths, "git ls-files");
        }

        return ([.. Walk(root, root)], "the folder (not a git repository)");
    }

    private static IEnumerable<string> Walk(string root, string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return Path.GetRelativePath(root, file);
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.Ordinal))
            {
                foreach (var file in Walk(root, child))
                {
                    yield return file;
                }
            }
        }
    }
}
