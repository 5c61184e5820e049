namespace Cutover.Core.Logs;

/// <summary>The log levels of Microsoft.Extensions.Logging, the spelling every stored line uses, and their common aliases.</summary>
public static class LogLevels
{
    public const string Trace = "Trace";
    public const string Debug = "Debug";
    public const string Information = "Information";
    public const string Warning = "Warning";
    public const string Error = "Error";
    public const string Critical = "Critical";

    /// <summary>Every level, least severe first.</summary>
    public static readonly IReadOnlyList<string> All = [Trace, Debug, Information, Warning, Error, Critical];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = Trace,
        ["trce"] = Trace,
        ["verbose"] = Trace,
        ["debug"] = Debug,
        ["dbug"] = Debug,
        ["information"] = Information,
        ["info"] = Information,
        ["warning"] = Warning,
        ["warn"] = Warning,
        ["error"] = Error,
        ["fail"] = Error,
        ["err"] = Error,
        ["critical"] = Critical,
        ["crit"] = Critical,
        ["fatal"] = Critical,
    };

    /// <summary>The canonical spelling of <paramref name="level"/> (any case, or an alias such as warn or fatal); null when unknown.</summary>
    public static string? Normalize(string? level) =>
        level is not null && Aliases.TryGetValue(level.Trim(), out var canonical) ? canonical : null;

    /// <summary><paramref name="minimum"/> and every more severe level; empty when <paramref name="minimum"/> is unknown.</summary>
    public static IReadOnlyList<string> AtLeast(string minimum) =>
        Normalize(minimum) is { } level ? [.. All.SkipWhile(l => l != level)] : [];
}
