using Cutover.Core.Instances;
using Cutover.Core.Manifest;

namespace Cutover.Core.Releases;

/// <summary>
/// Everything about one release that must survive a crash of the control plane. The engine saves it before it acts,
/// so the saved state is always the intent, never a record of something half done and forgotten.
/// </summary>
public sealed record ReleaseState
{
    public required string Id { get; init; }

    public required ReleaseKind Kind { get; init; }

    public required string Version { get; init; }

    /// <summary>The version serving production when the release started; null for the very first start.</summary>
    public required string? PreviousVersion { get; init; }

    public required ReleaseStrategyKind Strategy { get; init; }

    public required IReadOnlyList<TrafficStep> Steps { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public ReleasePhase Phase { get; init; } = ReleasePhase.Provisioning;

    public DateTimeOffset PhaseEnteredAt { get; init; }

    /// <summary>Index into <see cref="Steps"/> of the step being applied or held; -1 before shifting.</summary>
    public int StepIndex { get; init; } = -1;

    /// <summary>Share of production traffic on the new version, 0-100.</summary>
    public int NewWeightPercent { get; init; }

    public bool Paused { get; init; }

    public IReadOnlyList<InstanceEndpoint> NewInstances { get; init; } = [];

    public IReadOnlyList<InstanceEndpoint> OldInstances { get; init; } = [];

    /// <summary>An abort that was accepted but may not have finished; set before the rollback begins.</summary>
    public AbortRequest? AbortRequested { get; init; }

    /// <summary>Why the release ended the way it did (rollback reason, failure), or null while it runs or after success.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>
    /// Why this state is not saved yet ("disk full at …: holding at step 2/5"). Only the engine's in-memory copy
    /// carries it, so status can say so; a saved state never does.
    /// </summary>
    public string? Unsaved { get; init; }

    public bool IsTerminal => Phase.IsTerminal();
}
