using Cutover.Core.Analysis;

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

    /// <summary>
    /// A rollback alarm in INSUFFICIENT_DATA for the new version at the end of a step: hold (default) or proceed.
    /// Like Flagger, a canary that cannot be judged does not advance.
    /// </summary>
    public InsufficientDataPolicy InsufficientAlarmData { get; init; } = InsufficientDataPolicy.Hold;

    /// <summary>How long a held step waits for alarm data before the release is rolled back as inconclusive. Default 30 s.</summary>
    public TimeSpan AlarmDataTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public CanarySpec Canary { get; init; } = new();

    public LinearSpec Linear { get; init; } = new();

    /// <summary>Canary analysis: the new version compared with the old one every interval during shifting and bake. Null (the default): none.</summary>
    public AnalysisSpec? Analysis { get; init; }

    /// <summary><c>release.guard</c>: the fail-fast guard on the load balancer's counters (local target; docs/alarms.md).</summary>
    public Guard.FailFastGuardSpec Guard { get; init; } = new();
}
