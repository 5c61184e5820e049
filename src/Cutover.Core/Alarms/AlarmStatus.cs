namespace Cutover.Core.Alarms;

/// <summary>The current state of one alarm for one scope.</summary>
/// <param name="Alarm">The alarm.</param>
/// <param name="Scope">What the alarm judges, such as a version name.</param>
/// <param name="State">The current state.</param>
/// <param name="Since">When the alarm entered this state (or the scope started being tracked).</param>
/// <param name="Reason">The reason of the latest evaluation.</param>
public sealed record AlarmStatus(AlarmSpec Alarm, string Scope, AlarmState State, DateTimeOffset Since, string Reason)
{
    /// <summary>The lower bound of the latest judged datapoint's anomaly band, for a dashboard to draw; null without a band or while it learns.</summary>
    public double? BandLower { get; init; }

    /// <summary>The upper bound of the latest judged datapoint's anomaly band; null without a band or while it learns.</summary>
    public double? BandUpper { get; init; }
}
