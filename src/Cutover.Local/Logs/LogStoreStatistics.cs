namespace Cutover.Local.Logs;

/// <summary>How much the log store holds.</summary>
/// <param name="Lines">Lines stored.</param>
/// <param name="DatabaseBytes">Bytes in use in the database (its pages minus free pages), the figure size retention keeps under its limit.</param>
/// <param name="FileBytes">Size of the database file and its write-ahead log on disk.</param>
/// <param name="LastId">The newest line's id; 0 when empty.</param>
public sealed record LogStoreStatistics(long Lines, long DatabaseBytes, long FileBytes, long LastId);
