namespace Cutover.Core.Manifest;

/// <summary>One step of a release: the new version's share of production traffic (0-100) and how long it is held.</summary>
public sealed record TrafficStep(int Weight, TimeSpan Pause);
