namespace Cutover.Core.Manifest;

/// <summary>Canary steps: percentages of production traffic on the new version, each held for its pause.</summary>
public sealed record CanarySpec
{
    public IReadOnlyList<TrafficStep> Steps { get; init; } =
    [
        new(5, TimeSpan.FromSeconds(10)),
        new(10, TimeSpan.FromSeconds(10)),
        new(25, TimeSpan.FromSeconds(10)),
        new(50, TimeSpan.FromSeconds(10)),
        new(100, TimeSpan.Zero),
    ];
}
