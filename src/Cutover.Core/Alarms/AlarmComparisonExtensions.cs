namespace Cutover.Core.Alarms;

/// <summary>Facts about <see cref="AlarmComparison"/> values.</summary>
public static class AlarmComparisonExtensions
{
    /// <summary>
    /// True for the comparisons with an anomaly band (CloudWatch's <c>LessThanLowerOrGreaterThanUpperThreshold</c>,
    /// <c>GreaterThanUpperThreshold</c>, <c>LessThanLowerThreshold</c>), which need <see cref="AlarmSpec.AnomalyBand"/>.
    /// </summary>
    public static bool IsBand(this AlarmComparison comparison) => comparison is
        AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold or
        AlarmComparison.GreaterThanUpperThreshold or
        AlarmComparison.LessThanLowerThreshold;
}
