using Cutover.Core.Alarms;
using Cutover.Server.Api;

namespace Cutover.Server.Dashboard;

/// <summary>Alarm states and transitions as the API spells them: states in CloudWatch's words, values with their times.</summary>
internal static class AlarmViews
{
    public static List<AlarmStatusResponse> States(AlarmMonitor monitor) =>
        [.. monitor.States.Select(s => new AlarmStatusResponse(
            s.Alarm.Name,
            s.Scope,
            Name(s.State),
            s.Alarm.Severity.ToString().ToLowerInvariant(),
            s.Alarm.Rollback,
            s.Since,
            s.Reason))];

    public static AlarmTransitionResponse Transition(AlarmTransition transition) =>
        new(
            transition.Alarm,
            transition.Scope,
            Name(transition.From),
            Name(transition.To),
            transition.At,
            transition.Reason,
            [.. transition.Values.Select(v => new AlarmValue(v.PeriodEnd, v.Value is { } value && double.IsFinite(value) ? value : null))]);

    public static string Name(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };
}
