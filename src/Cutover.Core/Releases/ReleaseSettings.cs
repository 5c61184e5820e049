using Cutover.Core.Manifest;

namespace Cutover.Core.Releases;

/// <summary>What the engine needs from the manifest and the platform, resolved once per release.</summary>
public sealed record ReleaseSettings
{
    public required ReleaseSpec Release { get; init; }

    public required HealthCheckSpec HealthCheck { get; init; }

    public required ShutdownSpec Shutdown { get; init; }

    public required int Instances { get; init; }

    /// <summary>The test listener that pre-traffic hooks call.</summary>
    public required Uri TestListener { get; init; }

    /// <summary>The names of the rollback alarms that must judge the new version; one without a state is missing evidence.</summary>
    public IReadOnlyList<string> RollbackAlarms { get; init; } = [];

    /// <summary>
    /// How much older than its period an alarm's latest evaluated datapoint may be and still count as fresh: the host's
    /// scrape lag, evaluation tick and read deadline.
    /// </summary>
    public TimeSpan EvidenceGrace { get; init; } = TimeSpan.FromSeconds(2);

    public static ReleaseSettings From(ServiceManifest manifest, int instances, Uri testListener)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ReleaseSettings
        {
            Release = manifest.Release,
            HealthCheck = manifest.Service.HealthCheck,
            Shutdown = manifest.Service.Shutdown,
            Instances = instances,
            TestListener = testListener,
            RollbackAlarms = [.. manifest.Alarms.Effective.Where(a => a.Rollback).Select(a => a.Name)],
        };
    }
}
