namespace Cutover.Local.Logs;

/// <summary>Which lines <see cref="SqliteLogStore.ListAsync"/> returns. Every filter that is set must hold.</summary>
public sealed record LogListFilter
{
    public string? Version { get; init; }

    public string? Instance { get; init; }

    /// <summary>Only these levels (a minimum level expanded by <see cref="Core.Logs.LogLevels.AtLeast"/>); empty for any.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>Text the message contains, case-sensitively.</summary>
    public string? Text { get; init; }

    /// <summary>Lines at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Lines stored after this <see cref="Core.Logs.LogEntry.Id"/>, oldest first: for following. Without it, the newest
    /// <see cref="Limit"/> lines, returned oldest first.
    /// </summary>
    public long? AfterId { get; init; }

    public int Limit { get; init; } = 100;
}
