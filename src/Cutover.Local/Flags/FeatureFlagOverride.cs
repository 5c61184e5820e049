namespace Cutover.Local.Flags;

/// <summary>A value set at run time, kept in the state folder so it outlives a control-plane restart.</summary>
public sealed record FeatureFlagOverride(bool Enabled, string By, DateTimeOffset At);
