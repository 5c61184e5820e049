namespace Cutover.Core.Manifest;

/// <summary>What a release does when a rollback alarm has no data for the new version at the end of a step.</summary>
public enum InsufficientDataPolicy
{
    /// <summary>Do not advance until the alarm has data; roll back after <see cref="ReleaseSpec.AlarmDataTimeout"/>. No silent passes.</summary>
    Hold,

    /// <summary>Advance anyway; the missing data is recorded in the audit trail.</summary>
    Proceed,
}
