namespace Cutover.Core.Alarms;

/// <summary>How urgent an alarm is, for people; whether it stops a release is <see cref="AlarmSpec.Rollback"/>.</summary>
public enum AlarmSeverity
{
    /// <summary>The version is broken for users.</summary>
    Critical,

    /// <summary>Something is off and worth a look.</summary>
    Warning,

    /// <summary>For the record only.</summary>
    Info,
}
