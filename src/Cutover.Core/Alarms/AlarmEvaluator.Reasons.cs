using System.Globalization;

namespace Cutover.Core.Alarms;

/// <summary>State reasons worded like CloudWatch's, such as "Threshold Crossed: 2 out of the last 3 datapoints [...] were ...".</summary>
public static partial class AlarmEvaluator
{
    private const string ThresholdCrossed = "Threshold Crossed: ";

    /// <summary>"Threshold Crossed: {count} out of the last N datapoints [values] were greater than the threshold (t)".</summary>
    /// <param name="judge">The alarm and the bands its datapoints were judged against.</param>
    /// <param name="values">The real breaching datapoints to list.</param>
    /// <param name="count">How many breached, which the verb agrees with; more than the values when missing ones count.</param>
    /// <param name="outOf">How many were evaluated, or null to leave "out of the last N" out.</param>
    private static string Crossed(Judge judge, List<Datapoint> values, int count, int? outOf)
    {
        var what = outOf is { } n ? $"{count} out of the last {n} datapoints" : Count(count);
        return $"{ThresholdCrossed}{what} {List(values)} {Was(count)} {Against(judge, values, crossed: true)}";
    }

    /// <summary>"Threshold Crossed: 2 datapoints [values] were not greater than the threshold (t)", CloudWatch's OK wording.</summary>
    private static string NotCrossed(Judge judge, List<Datapoint> values) =>
        $"{ThresholdCrossed}{Count(values.Count)} {List(values)} {Was(values.Count)} {Against(judge, values, crossed: false)}";

    /// <summary>
    /// What the values were compared with: "greater than the threshold (t)"; with an anomaly band "outside the band [l, u]",
    /// "greater than the upper threshold (u)" or "less than the lower threshold (l)", each negated when not crossed. Each
    /// datapoint has its own band; when the listed ones differ, all are given in the same order, as CloudWatch lists one
    /// threshold per datapoint ("outside their bands [l1, u1], [l2, u2]").
    /// </summary>
    private static string Against(Judge judge, List<Datapoint> values, bool crossed)
    {
        var alarm = judge.Alarm;
        var not = crossed ? string.Empty : "not ";
        if (alarm.AnomalyBand is null)
        {
            return $"{not}{Comparison(alarm.Comparison)} the threshold ({Number(alarm.Threshold)})";
        }

        // With no value listed (every breach a missing one treated as breaching), the latest band is what data would face.
        var bands = values.Select(judge.BandOf).OfType<LearnedBand>().ToList();
        if (bands.Count == 0 && judge.Latest is { } latest)
        {
            bands.Add(latest);
        }

        return alarm.Comparison switch
        {
            AlarmComparison.GreaterThanUpperThreshold => $"{not}greater than {Bounds("upper", bands.Select(b => b.Upper))}",
            AlarmComparison.LessThanLowerThreshold => $"{not}less than {Bounds("lower", bands.Select(b => b.Lower))}",
            _ => $"{(crossed ? "outside" : "within")} {Bands(bands)}",
        };
    }

    /// <summary>"the upper threshold (6.1)", or "their upper thresholds [5.1, 6.1]" when the datapoints' bands differ.</summary>
    private static string Bounds(string which, IEnumerable<double> bounds)
    {
        var texts = bounds.Select(Number).ToList();
        return texts.Distinct(StringComparer.Ordinal).Count() switch
        {
            0 => $"the {which} threshold",
            1 => $"the {which} threshold ({texts[0]})",
            _ => $"their {which} thresholds [{string.Join(", ", texts)}]",
        };
    }

    /// <summary>"the band [4.2, 6.1]", or "their bands [4.9, 5.1], [4.2, 6.1]" when the datapoints' bands differ.</summary>
    private static string Bands(List<LearnedBand> bands)
    {
        var texts = bands.Select(b => $"[{Number(b.Lower)}, {Number(b.Upper)}]").ToList();
        return texts.Distinct(StringComparer.Ordinal).Count() switch
        {
            0 => "the band",
            1 => $"the band {texts[0]}",
            _ => $"their bands {string.Join(", ", texts)}",
        };
    }

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
