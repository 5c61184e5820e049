using Cutover.Core.Logs;

namespace Cutover.Local.Logs;

/// <summary>
/// What one transaction stores: lines, how far each file has been read (so a restart neither loses nor repeats
/// a line), and metric-filter counts.
/// </summary>
public sealed record LogBatch(IReadOnlyList<LogEntry> Entries, IReadOnlyDictionary<string, long> FileOffsets, IReadOnlyList<LogMetricCount> MetricCounts)
{
    public static LogBatch Of(IReadOnlyList<LogEntry> entries) => new(entries, new Dictionary<string, long>(), []);
}
