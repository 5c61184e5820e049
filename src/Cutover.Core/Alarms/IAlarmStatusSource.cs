namespace Cutover.Core.Alarms;

/// <summary>Where the release engine reads alarm states: the monitor locally, CloudWatch on AWS.</summary>
public interface IAlarmStatusSource
{
    /// <summary>Every alarm's state for one scope (a version name); empty when the scope is not judged.</summary>
    IReadOnlyList<AlarmStatus> StatusesFor(string scope);
}
