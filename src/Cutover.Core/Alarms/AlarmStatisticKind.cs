namespace Cutover.Core.Alarms;

/// <summary>How the samples of one period become one datapoint, as in CloudWatch.</summary>
public enum AlarmStatisticKind
{
    /// <summary>The total of the samples.</summary>
    Sum,

    /// <summary>The mean of the samples.</summary>
    Average,

    /// <summary>The lowest sample.</summary>
    Minimum,

    /// <summary>The highest sample.</summary>
    Maximum,

    /// <summary>The number of samples.</summary>
    SampleCount,

    /// <summary>A percentile of the samples; <see cref="AlarmStatistic.Percentile"/> says which.</summary>
    Percentile,
}
