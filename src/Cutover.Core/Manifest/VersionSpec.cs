namespace Cutover.Core.Manifest;

/// <summary>A deployable version: extra environment and fault switches for demos and tests.</summary>
public sealed record VersionSpec
{
    public required string Name { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public FaultSpec Faults { get; init; } = new();
}
