namespace Cutover.Core.Releases;

/// <summary>Where a release stands. Phases run in declaration order; the last three are terminal.</summary>
public enum ReleasePhase
{
    Provisioning,
    HealthGate,
    PreTraffic,
    AwaitingApproval,
    Shifting,
    Baking,
    Finishing,
    RollingBack,
    Succeeded,
    RolledBack,
    Failed,
}
