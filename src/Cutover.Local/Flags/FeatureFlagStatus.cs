namespace Cutover.Local.Flags;

/// <summary>One feature flag as the instances see it now, and where that value comes from.</summary>
/// <param name="Name">The flag's name, as under <c>featureFlags</c>.</param>
/// <param name="Enabled">The value in the flags file now.</param>
/// <param name="ManifestValue">The manifest's value for this environment (its override, or <c>enabled</c>).</param>
/// <param name="Description">The manifest's description, if any.</param>
/// <param name="ChangedBy">Who set it at run time (<c>cutover flags set</c>); null while it follows the manifest.</param>
/// <param name="ChangedAt">When it was set at run time.</param>
public sealed record FeatureFlagStatus(string Name, bool Enabled, bool ManifestValue, string? Description, string? ChangedBy, DateTimeOffset? ChangedAt);
