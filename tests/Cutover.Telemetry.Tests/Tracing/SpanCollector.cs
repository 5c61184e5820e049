using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Cutover.Telemetry.Tests.Tracing;

/// <summary>
/// An OpenTelemetry processor that keeps the ended server spans of one test server (by its port: every host in the
/// test process shares the activity source name).
/// </summary>
internal sealed class SpanCollector(int port) : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public override void OnEnd(Activity data)
    {
        if (data.GetTagItem("server.port") is int spanPort && spanPort == port)
        {
            _spans.Enqueue(data);
        }
    }
}
