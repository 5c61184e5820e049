namespace Cutover.Core.Releases;

/// <summary>One line of the append-only audit trail: what happened, when, who or which rule did it, and why.</summary>
public sealed record AuditEntry(
    long Sequence,
    string ReleaseId,
    DateTimeOffset At,
    string Actor,
    string Event,
    string Detail);
