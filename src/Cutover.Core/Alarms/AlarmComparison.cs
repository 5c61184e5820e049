namespace Cutover.Core.Alarms;

/// <summary>How a datapoint is compared with the threshold; names and meaning as CloudWatch's <c>ComparisonOperator</c>.</summary>
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
}
