namespace Cutover.Core.Alarms;

/// <summary>One change of an alarm's state for one scope, as recorded by <see cref="AlarmMonitor"/>.</summary>
/// <param name="Alarm">The alarm's name.</param>
/// <param name="Scope">What the alarm judged, such as a version name.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">When the monitor saw the change, from its <see cref="TimeProvider"/>.</param>
/// <param name="Reason">Why, worded like CloudWatch's state reason.</param>
/// <param name="Values">The evaluation range the decision was made on, oldest first; missing periods have a null value.</param>
public sealed record AlarmTransition(
    string Alarm,
    string Scope,
    AlarmState From,
    AlarmState To,
    DateTimeOffset At,
    string Reason,
    IReadOnlyList<Datapoint> Values);
