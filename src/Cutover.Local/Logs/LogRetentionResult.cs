namespace Cutover.Local.Logs;

/// <summary>What one retention pass deleted, and the database's size after it.</summary>
public sealed record LogRetentionResult(long DeletedByAge, long DeletedBySize, long BytesAfter);
