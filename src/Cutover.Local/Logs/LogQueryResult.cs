namespace Cutover.Local.Logs;

/// <summary>
/// The rows of a query: values in column order, each a string, a whole number (long), a number (double) or null.
/// Timestamps and time bins are ISO 8601 UTC strings.
/// </summary>
public sealed record LogQueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
