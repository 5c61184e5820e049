namespace Cutover.Core.Manifest;

/// <summary>
/// A feature flag from the <c>featureFlags</c> section: read by the service from configuration
/// (Microsoft.FeatureManagement), switchable without a redeploy.
/// </summary>
public sealed record FeatureFlagSpec
{
    public required string Name { get; init; }

    /// <summary>The flag's state in every environment that does not override it. Default: off.</summary>
    public bool Enabled { get; init; }

    public string? Description { get; init; }

    /// <summary>Per-environment overrides, by environment name.</summary>
    public IReadOnlyDictionary<string, bool> Environments { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, bool>.Empty;

    /// <summary>The flag's state in <paramref name="environment"/>.</summary>
    public bool EnabledIn(string environment) => Environments.TryGetValue(environment, out var enabled) ? enabled : Enabled;
}
