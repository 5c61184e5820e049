namespace Cutover.Core.Instances;

/// <summary>Starts, probes and stops instances of the service (processes locally, tasks on AWS).</summary>
public interface IInstanceRuntime
{
    /// <summary>Starts one instance of <paramref name="version"/> on a free port. It is not yet healthy.</summary>
    Task<InstanceEndpoint> StartAsync(string version, CancellationToken cancellationToken);

    /// <summary>One readiness probe. Never throws for an unhealthy or dead instance: that is a result.</summary>
    Task<ProbeResult> ProbeAsync(InstanceEndpoint instance, CancellationToken cancellationToken);

    /// <summary>Stops gracefully (SIGTERM), then kills after <paramref name="gracePeriod"/>. Idempotent.</summary>
    Task StopAsync(InstanceEndpoint instance, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Instances this runtime knows to be running.</summary>
    IReadOnlyList<InstanceEndpoint> Running { get; }
}
