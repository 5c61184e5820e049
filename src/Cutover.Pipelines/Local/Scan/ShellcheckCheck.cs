namespace Cutover.Pipelines.Local.Scan;

/// <summary>shellcheck (warnings and errors) on the tracked shell scripts, when it is installed.</summary>
public static class ShellcheckCheck
{
    public const string Name = "shellcheck";

    public static async Task<ScanCheckResult> RunAsync(IReadOnlyList<string> files, StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(context);
        if (FindOnPath("shellcheck") is not { } shellcheck)
        {
            return new ScanCheckResult(Name, StageOutcome.Skipped, "skipped: shellcheck is not installed (apt-get install shellcheck)", []);
        }

        var scripts = files.Where(f => IsShellScript(Path.Combine(context.ManifestDirectory, f))).ToList();
        if (scripts.Count == 0)
        {
            return new ScanCheckResult(Name, StageOutcome.Skipped, "skipped: no shell scripts", []);
        }

        var command = new StageCommand(shellcheck, ["--severity=warning", "--", .. scripts], context.ManifestDirectory, TimeSpan.FromMinutes(5));
        var result = await CommandRunner.RunAsync(command, context.Output, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new ScanCheckResult(Name, StageOutcome.Passed, $"{scripts.Count} script(s) clean", [])
            : new ScanCheckResult(Name, StageOutcome.Failed, $"problems in {scripts.Count} script(s): {result.Describe(command)}", result.Tail);
    }

    /// <summary>A <c>.sh</c> file, or one whose first line is a sh or bash shebang.</summary>
    internal static bool IsShellScript(string path)
    {
        if (path.EndsWith(".sh", StringComparison.Ordinal))
        {
            return File.Exists(path);
        }

        try
        {
            using var reader = new StreamReader(path);
            var first = reader.ReadLine() ?? string.Empty;
            return first.StartsWith("#!", StringComparison.Ordinal)
                && (first.EndsWith("/sh", StringComparison.Ordinal) || first.EndsWith("bash", StringComparison.Ordinal) || first.Contains("/sh ", StringComparison.Ordinal) || first.Contains("bash ", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
