namespace Cutover.Pipelines.Local;

/// <summary>A command a stage runs: the program, its arguments, where, with what extra variables, for how long at most.</summary>
public sealed record StageCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, TimeSpan Timeout)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The command as a person would type it, for progress lines and errors.</summary>
    public string Display => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    /// <summary>A command line run by <c>/bin/sh -c</c>, as given to <c>--test-command</c>.</summary>
    public static StageCommand Shell(string commandLine, string workingDirectory, TimeSpan timeout) =>
        new("/bin/sh", ["-c", commandLine], workingDirectory, timeout) { ShellText = commandLine };

    /// <summary>The text given to <see cref="Shell"/>, shown instead of <c>/bin/sh -c ...</c>.</summary>
    public string? ShellText { get; init; }

    public override string ToString() => ShellText ?? Display;

    private static string Quote(string part) =>
        part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || "-_./=:,@+%".Contains(c, StringComparison.Ordinal)) ? part : $"'{part.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
