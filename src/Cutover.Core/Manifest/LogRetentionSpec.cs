namespace Cutover.Core.Manifest;

/// <summary>How long collected logs are kept: lines older than <see cref="MaxAge"/> go, and the oldest go first while the store is over <see cref="MaxSizeMb"/>.</summary>
public sealed record LogRetentionSpec
{
    /// <summary>Lines older than this are deleted. Default 7 days, as <c>7d</c>.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Largest size of the log database in MiB; the oldest lines are deleted to stay under it. Default 512.</summary>
    public int MaxSizeMb { get; init; } = 512;
}
