namespace Cutover.Local.Prometheus;

/// <summary>Finds executables the way a shell does: a path as given, a bare name on PATH.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string nameOrPath)
    {
        if (nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || nameOrPath.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, nameOrPath))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>promtool: the configured path, else next to the Prometheus binary, else on PATH; null when none or disabled.</summary>
    public static string? FindPromtool(PrometheusOptions options)
    {
        if (options.PromtoolPath is { } configured)
        {
            return configured.Length == 0 ? null : Find(configured);
        }

        var prometheus = Find(options.PrometheusPath);
        var sibling = prometheus is null ? null : Path.Combine(Path.GetDirectoryName(prometheus)!, "promtool");
        return sibling is not null && File.Exists(sibling) ? sibling : Find("promtool");
    }
}
