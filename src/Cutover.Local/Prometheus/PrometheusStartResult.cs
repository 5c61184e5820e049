namespace Cutover.Local.Prometheus;

/// <summary>The outcome of <see cref="PrometheusProcess.StartAsync"/>: ready, or why not.</summary>
public sealed record PrometheusStartResult
{
    public static PrometheusStartResult Ready { get; } = new() { Message = "ready" };

    /// <summary>Null when Prometheus is ready.</summary>
    public PrometheusStartError? Error { get; init; }

    public bool Started => Error is null;

    /// <summary>What happened, for people: names the port, the binary or the config file as the case may be.</summary>
    public required string Message { get; init; }

    /// <summary>The tail of promtool's or Prometheus's output that explains a failure; empty on success.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    public static PrometheusStartResult Failed(PrometheusStartError error, string message, IReadOnlyList<string>? output = null) =>
        new() { Error = error, Message = message, Output = output ?? [] };
}
