namespace Cutover.Core.Manifest;

/// <summary>Linear shifting: <see cref="StepPercent"/> more traffic every <see cref="Interval"/> until 100%.</summary>
public sealed record LinearSpec
{
    public int StepPercent { get; init; } = 20;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);
}
