namespace Cutover.Server.Flags;

/// <summary>Body of <c>PUT /api/v1/flags/{name}</c>.</summary>
public sealed record SetFeatureFlagRequest(bool Enabled);
