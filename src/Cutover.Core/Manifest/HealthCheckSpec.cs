namespace Cutover.Core.Manifest;

/// <summary>Readiness and liveness checks, with the thresholds HAProxy and the health gate use.</summary>
public sealed record HealthCheckSpec
{
    /// <summary>Readiness path: an instance gets traffic only while this answers 2xx. Default <c>/health/ready</c>.</summary>
    public string Path { get; init; } = "/health/ready";

    /// <summary>Liveness path: a process that stops answering it is restarted. Default <c>/health/live</c>.</summary>
    public string LivenessPath { get; init; } = "/health/live";

    /// <summary>
    /// The container health check on AWS, in exec form (the image's own probe, for images without a shell or curl), such
    /// as <c>[/usr/share/dotnet/dotnet, /app/Service.dll, --probe, http://127.0.0.1:8080/health/live]</c>. Null: a
    /// shell runs <c>curl</c> against <see cref="LivenessPath"/>. Locally the control plane probes over HTTP instead.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Time between checks. Default 1 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time a single check may take. Default 2 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive passes before an instance is healthy. Default 2.</summary>
    public int HealthyThreshold { get; init; } = 2;

    /// <summary>Consecutive failures before an instance is unhealthy. Default 2.</summary>
    public int UnhealthyThreshold { get; init; } = 2;

    /// <summary>How long a new instance may take to become healthy before the release fails. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
