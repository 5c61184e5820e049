using System.Globalization;

namespace Cutover.Core.Alarms;

/// <summary>State reasons worded like CloudWatch's, such as "Threshold Crossed: 2 out of the last 3 datapoints [...] were ...".</summary>
public static partial class AlarmEvaluator
{
    private const string ThresholdCrossed = "Threshold Crossed: ";

    /// <summary>"Threshold Crossed: {count} out of the last N datapoints [values] were greater than the threshold (t)".</summary>
    /// <param name="alarm">The alarm, for its comparison and threshold.</param>
    /// <param name="values">The real breaching datapoints to list.</param>
    /// <param name="count">How many breached, which the verb agrees with; more than the values when missing ones count.</param>
    /// <param name="outOf">How many were evaluated, or null to leave "out of the last N" out.</param>
    private static string Crossed(AlarmSpec alarm, List<Datapoint> values, int count, int? outOf)
    {
        var what = outOf is { } n ? $"{count} out of the last {n} datapoints" : Count(count);
        return $"{ThresholdCrossed}{what} {List(values)} {Was(count)} {Comparison(alarm.Comparison)} the threshold ({Number(alarm.Threshold)})";
    }

    /// <summary>"Threshold Crossed: 2 datapoints [values] were not greater than the threshold (t)", CloudWatch's OK wording.</summary>
    private static string NotCrossed(AlarmSpec alarm, List<Datapoint> values) =>
        $"{ThresholdCrossed}{Count(values.Count)} {List(values)} {Was(values.Count)} not {Comparison(alarm.Comparison)} the threshold ({Number(alarm.Threshold)})";

    /// <summary>Values oldest first, each with its period end (UTC), so the list reads like the chart.</summary>
    private static string List(IEnumerable<Datapoint> values) =>
        $"[{string.Join(", ", values.Select(d => $"{Number(d.Value!.Value)} ({Time(d.PeriodEnd)})"))}]";

    private static string Comparison(AlarmComparison comparison) => comparison switch
    {
        AlarmComparison.GreaterThanThreshold => "greater than",
        AlarmComparison.GreaterThanOrEqualToThreshold => "greater than or equal to",
        AlarmComparison.LessThanThreshold => "less than",
        AlarmComparison.LessThanOrEqualToThreshold => "less than or equal to",
        _ => comparison.ToString(),
    };

    /// <summary>How a kept state opens its reason: CloudWatch's "Insufficient Data:", or "Unchanged:" for OK and ALARM.</summary>
    private static string Prefix(AlarmState state) => state == AlarmState.InsufficientData ? "Insufficient Data: " : "Unchanged: ";

    private static string Count(int count) => count == 1 ? "1 datapoint" : $"{count} datapoints";

    private static string MissingCount(int count) => count == 1 ? "1 missing datapoint" : $"{count} missing datapoints";

    private static string Was(int count) => count == 1 ? "was" : "were";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan period) => period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    /// <summary>Up to six decimals and no exponent for everyday values (0.2, 0.18, 1500); tiny values keep three significant digits.</summary>
    internal static string Number(double value) =>
        value != 0 && Math.Abs(value) < 0.000001
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.######", CultureInfo.InvariantCulture);
}
