using System.Collections.Concurrent;

namespace Cutover.Local.Logs;

/// <summary>
/// Running totals of every metric filter per version since the control plane started: monotonic counters, as
/// Prometheus expects (a restart is a counter reset). Windowed sums for alarms come from the store.
/// </summary>
public sealed class LogMetricCounters
{
    private readonly ConcurrentDictionary<(string Metric, string Version), double> _totals = new();

    public void Add(string metric, string version, double value) => _totals.AddOrUpdate((metric, version), value, (_, total) => total + value);

    /// <summary>Every counter, ordered by metric then version.</summary>
    public IReadOnlyList<(string Metric, string Version, double Total)> Snapshot() =>
        [.. _totals.Select(t => (t.Key.Metric, t.Key.Version, t.Value)).OrderBy(t => t.Metric, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal)];
}
