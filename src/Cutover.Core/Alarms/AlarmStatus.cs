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

    /// <summary>
    /// The end of the latest period for which the metrics store answered (with a value or with "no data"); null while
    /// it never has. A read that failed or missed its deadline counts as missing data but does not move this, so a
    /// release can tell an alarm judged on fresh data from one frozen at its last state (issue 10).
    /// </summary>
    public DateTimeOffset? EvidenceAt { get; init; }

    /// <summary>The upper bound of the latest judged datapoint's anomaly band; null without a band or while it learns.</summary>
    public double? BandUpper { get; init; }
}
