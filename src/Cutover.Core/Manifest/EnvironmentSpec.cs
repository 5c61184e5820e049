namespace Cutover.Core.Manifest;

/// <summary>A named environment (local, dev, staging, prod) and the target that runs it.</summary>
public sealed record EnvironmentSpec
{
    public required string Name { get; init; }

    public DeploymentTarget Target { get; init; } = DeploymentTarget.Local;

    /// <summary>Instances per version in this environment; null keeps <see cref="ServiceSpec.Instances"/>.</summary>
    public int? Instances { get; init; }

    /// <summary>AWS regions, the first one primary. Empty for the local target.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The least free space, in MiB, the state directory's file system must have for <c>cutover up</c> to start (local target only). Default 100.</summary>
    public int MinFreeDiskMb { get; init; } = DefaultMinFreeDiskMb;

    /// <summary>Enough for Prometheus's first blocks, the logs database and a few releases' state.</summary>
    public const int DefaultMinFreeDiskMb = 100;

    /// <summary>Ports of the local target; null for AWS environments.</summary>
    public LocalPortsSpec? Local { get; init; }

    /// <summary>Plain settings given to the service's instances as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Secrets given to the instances as environment variables, by variable name; references only, never values.</summary>
    public IReadOnlyDictionary<string, SecretReference> Secrets { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, SecretReference>.Empty;
}
