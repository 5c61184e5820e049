namespace Cutover.Local.Logs;

/// <summary>How a query's column is read back: as SQLite returns it, or Unix milliseconds turned into ISO 8601 text.</summary>
internal enum LogColumnFormat
{
    Value,
    Timestamp,
}
