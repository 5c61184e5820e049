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
        };
    }
}
