using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutover.Core.Alarms;

/// <summary>
/// The statistic that turns a period's samples into one datapoint, spelt as in CloudWatch: <c>Sum</c>, <c>Average</c>,
/// <c>Minimum</c>, <c>Maximum</c>, <c>SampleCount</c>, or a percentile <c>p0</c>-<c>p100</c> such as <c>p99</c> or <c>p99.9</c>.
/// </summary>
public sealed partial record AlarmStatistic
{
    private AlarmStatistic(AlarmStatisticKind kind, double? percentile)
    {
        Kind = kind;
        Percentile = percentile;
    }

    /// <summary>The total of the samples.</summary>
    public static AlarmStatistic Sum { get; } = new(AlarmStatisticKind.Sum, null);

    /// <summary>The mean of the samples.</summary>
    public static AlarmStatistic Average { get; } = new(AlarmStatisticKind.Average, null);

    /// <summary>The lowest sample.</summary>
    public static AlarmStatistic Minimum { get; } = new(AlarmStatisticKind.Minimum, null);

    /// <summary>The highest sample.</summary>
    public static AlarmStatistic Maximum { get; } = new(AlarmStatisticKind.Maximum, null);

    /// <summary>The number of samples.</summary>
    public static AlarmStatistic SampleCount { get; } = new(AlarmStatisticKind.SampleCount, null);

    /// <summary>Which statistic; for a percentile, <see cref="Percentile"/> says which one.</summary>
    public AlarmStatisticKind Kind { get; }

    /// <summary>For <see cref="AlarmStatisticKind.Percentile"/>, which one, from 0 to 100 (99.9 for p99.9); otherwise null.</summary>
    public double? Percentile { get; }

    /// <summary>True for p0-p100.</summary>
    public bool IsPercentile => Kind == AlarmStatisticKind.Percentile;

    /// <summary>A percentile statistic such as p99.</summary>
    /// <param name="percentile">From 0 to 100, with at most two decimals as CloudWatch allows.</param>
    public static AlarmStatistic FromPercentile(double percentile)
    {
        if (!double.IsFinite(percentile) || percentile < 0 || percentile > 100 || Math.Round(percentile, 2) != percentile)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is from 0 to 100 with at most two decimals");
        }

        return new AlarmStatistic(AlarmStatisticKind.Percentile, percentile);
    }

    /// <summary>Reads the CloudWatch spelling; case matters, as it does for CloudWatch.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AlarmStatistic? statistic)
    {
        statistic = text switch
        {
            "Sum" => Sum,
            "Average" => Average,
            "Minimum" => Minimum,
            "Maximum" => Maximum,
            "SampleCount" => SampleCount,
            _ => null,
        };
        if (statistic is not null || text is null)
        {
            return statistic is not null;
        }

        if (PercentilePattern().Match(text) is { Success: true } match &&
            double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentile) &&
            percentile <= 100)
        {
            statistic = new AlarmStatistic(AlarmStatisticKind.Percentile, percentile);
        }

        return statistic is not null;
    }

    /// <summary>The CloudWatch spelling: <c>Average</c>, <c>p99</c>, <c>p99.9</c>.</summary>
    public override string ToString() =>
        Kind == AlarmStatisticKind.Percentile
            ? "p" + Percentile!.Value.ToString("0.##", CultureInfo.InvariantCulture)
            : Kind.ToString();

    [GeneratedRegex(@"^p(\d{1,3}(?:\.\d{1,2})?)$")]
    private static partial Regex PercentilePattern();
}
