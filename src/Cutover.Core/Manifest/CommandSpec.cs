namespace Cutover.Core.Manifest;

/// <summary>A program with its arguments, working directory (relative to the manifest's folder) and environment.</summary>
public sealed record CommandSpec
{
    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public string WorkingDirectory { get; init; } = ".";

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the command may run (hooks and builds). Default 5 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
