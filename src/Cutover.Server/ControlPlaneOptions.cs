using Cutover.Core.Manifest;

namespace Cutover.Server;

/// <summary>Where the control plane finds its manifest and keeps its state, and which environment it runs.</summary>
public sealed record ControlPlaneOptions
{
    /// <summary>The validated manifest.</summary>
    public required ServiceManifest Manifest { get; init; }

    /// <summary>The local environment to run (default <c>local</c>).</summary>
    public required EnvironmentSpec Environment { get; init; }

    /// <summary>Folder of <c>cutover.yaml</c>: relative paths in the manifest start here.</summary>
    public required string ManifestDirectory { get; init; }

    /// <summary>Database, generated configs, logs and Prometheus data. Default <c>.cutover/</c> beside the manifest.</summary>
    public required string StateDirectory { get; init; }

    public LocalPortsSpec Ports => Environment.Local ?? new LocalPortsSpec();

    public int Instances => Environment.Instances ?? Manifest.Service.Instances;

    public Uri ControlPlaneUri => new($"http://{Ports.BindAddress}:{Ports.ControlPlanePort}");

    public Uri ProductionUri => new($"http://{Ports.BindAddress}:{Ports.ProductionPort}");

    public Uri TestUri => new($"http://{Ports.BindAddress}:{Ports.TestPort}");
}
