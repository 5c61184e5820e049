using System.Collections.Concurrent;
using Cutover.Core.Logs;

namespace Cutover.Server.Logs;

/// <summary>
/// Where the control plane's own log lines wait for the collector: bounded, never blocking the code that logs.
/// Lines beyond <see cref="Capacity"/> are dropped and counted.
/// </summary>
internal sealed class ControlPlaneLogSink
{
    public const int Capacity = 50_000;

    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(LogEntry entry)
    {
        if (_entries.Count >= Capacity)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _entries.Enqueue(entry);
    }

    public bool TryTake(out LogEntry entry) => _entries.TryDequeue(out entry!);
}
