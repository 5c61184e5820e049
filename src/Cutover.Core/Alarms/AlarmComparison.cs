namespace Cutover.Core.Alarms;

/// <summary>
/// How a datapoint is compared with the threshold; names and meaning as CloudWatch's <c>ComparisonOperator</c>. The first
/// four compare with <see cref="AlarmSpec.Threshold"/>; the last three with the <see cref="AlarmSpec.AnomalyBand"/> learned
/// from the metric's recent datapoints, as CloudWatch's anomaly detection alarms do.
/// </summary>
public enum AlarmComparison
{
    /// <summary>A datapoint breaches when it is above the threshold.</summary>
    GreaterThanThreshold,

    /// <summary>A datapoint breaches when it is at or above the threshold.</summary>
    GreaterThanOrEqualToThreshold,

    /// <summary>A datapoint breaches when it is below the threshold.</summary>
    LessThanThreshold,

    /// <summary>A datapoint breaches when it is at or below the threshold.</summary>
    LessThanOrEqualToThreshold,

    /// <summary>A datapoint breaches when it is below its band's lower bound or above its upper bound.</summary>
    LessThanLowerOrGreaterThanUpperThreshold,

    /// <summary>A datapoint breaches when it is above its band's upper bound.</summary>
    GreaterThanUpperThreshold,

    /// <summary>A datapoint breaches when it is below its band's lower bound.</summary>
    LessThanLowerThreshold,
}
