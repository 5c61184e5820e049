namespace Cutover.Core.Alarms;

/// <summary>
/// What an alarm measures: a <see cref="BuiltInAlarmMetric"/>, an <see cref="ExpressionAlarmMetric"/> (metric math over
/// built-in metrics, CloudWatch style), a <see cref="LogAlarmMetric"/> (what a log metric filter counts) or a
/// <see cref="PromQlAlarmMetric"/> (a raw query, local target only).
/// </summary>
public abstract record AlarmMetric
{
    // Closed hierarchy: the four kinds above are all there is, so consumers can switch over them exhaustively.
    private protected AlarmMetric()
    {
    }
}
