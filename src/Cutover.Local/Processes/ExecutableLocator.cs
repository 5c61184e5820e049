namespace Cutover.Local.Processes;

/// <summary>Finds executables the way a shell does: a path as given, a bare name on PATH.</summary>
internal static class ExecutableLocator
{
    /// <summary>
    /// The full path of <paramref name="nameOrPath"/>: as given when it contains a directory separator, else the first
    /// match in a PATH directory, then in <paramref name="fallbackDirectories"/>; null when there is none.
    /// </summary>
    public static string? Find(string nameOrPath, params IEnumerable<string> fallbackDirectories)
    {
        if (nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || nameOrPath.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(fallbackDirectories)
            .Select(directory => Path.Combine(directory, nameOrPath))
            .FirstOrDefault(File.Exists);
    }
}
