namespace Cutover.Core.Manifest;

/// <summary>How a new version replaces the current one.</summary>
public sealed record ReleaseSpec
{
    /// <summary>Strategy used when <c>deploy</c> names none. Default canary.</summary>
    public ReleaseStrategyKind Strategy { get; init; } = ReleaseStrategyKind.Canary;

    /// <summary>Commands run against the test listener before production traffic; any failure rolls back.</summary>
    public IReadOnlyList<HookSpec> PreTrafficHooks { get; init; } = [];

    /// <summary>Wait for <c>promote</c> before the first production traffic.</summary>
    public bool ManualApproval { get; init; }

    /// <summary>Time at 100% before the release is declared done. Default 10 s.</summary>
    public TimeSpan BakeTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time the drained old version is kept before it is stopped, for a fast rollback. Default 5 s.</summary>
    public TimeSpan TerminationWait { get; init; } = TimeSpan.FromSeconds(5);

    public CanarySpec Canary { get; init; } = new();

    public LinearSpec Linear { get; init; } = new();
}
