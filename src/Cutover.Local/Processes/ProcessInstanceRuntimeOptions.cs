using Cutover.Core.Manifest;

namespace Cutover.Local.Processes;

/// <summary>What the local runtime needs to start instances: the manifest, where it lives, and where logs go.</summary>
public sealed record ProcessInstanceRuntimeOptions
{
    public required ServiceManifest Manifest { get; init; }

    /// <summary>Folder that relative working directories in the manifest are resolved against.</summary>
    public required string ManifestDirectory { get; init; }

    public required LocalPortsSpec Ports { get; init; }

    /// <summary>Folder for instance logs (one file per instance).</summary>
    public required string LogDirectory { get; init; }

    /// <summary>The environment whose <c>settings</c> and <c>secrets</c> every instance gets; null: none.</summary>
    public EnvironmentSpec? Environment { get; init; }

    /// <summary>The feature flags file, given to instances in <c>CUTOVER_FEATURE_FLAGS_FILE</c>; null: none.</summary>
    public string? FeatureFlagsFile { get; init; }
}
