namespace Cutover.Core.Alarms;

/// <summary>
/// What a period without a datapoint counts as, as CloudWatch's <c>TreatMissingData</c>. It only matters when the
/// evaluation range holds fewer real datapoints than <see cref="AlarmSpec.EvaluationPeriods"/>; docs/alarms.md has the table.
/// </summary>
public enum TreatMissingData
{
    /// <summary>Missing periods are not evaluated; with no data at all the alarm goes to INSUFFICIENT_DATA. CloudWatch's default.</summary>
    Missing,

    /// <summary>Missing periods count as within the threshold ("good").</summary>
    NotBreaching,

    /// <summary>Missing periods count as breaching the threshold ("bad").</summary>
    Breaching,

    /// <summary>Without enough real datapoints to decide, the alarm keeps its current state.</summary>
    Ignore,
}
