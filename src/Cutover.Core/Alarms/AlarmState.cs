namespace Cutover.Core.Alarms;

/// <summary>The three states of a CloudWatch metric alarm.</summary>
public enum AlarmState
{
    /// <summary>INSUFFICIENT_DATA: the alarm has just started or there is not enough data to decide. Every alarm starts here.</summary>
    InsufficientData,

    /// <summary>OK: the metric is within the threshold.</summary>
    Ok,

    /// <summary>ALARM: enough datapoints breached the threshold.</summary>
    Alarm,
}
