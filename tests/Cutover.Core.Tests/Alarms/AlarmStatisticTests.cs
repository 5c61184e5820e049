using Cutover.Core.Alarms;

namespace Cutover.Core.Tests.Alarms;

public sealed class AlarmStatisticTests
{
    [Theory]
    [InlineData("Sum", AlarmStatisticKind.Sum, null)]
    [InlineData("Average", AlarmStatisticKind.Average, null)]
    [InlineData("Minimum", AlarmStatisticKind.Minimum, null)]
    [InlineData("Maximum", AlarmStatisticKind.Maximum, null)]
    [InlineData("SampleCount", AlarmStatisticKind.SampleCount, null)]
    [InlineData("p0", AlarmStatisticKind.Percentile, 0.0)]
    [InlineData("p50", AlarmStatisticKind.Percentile, 50.0)]
    [InlineData("p99", AlarmStatisticKind.Percentile, 99.0)]
    [InlineData("p99.9", AlarmStatisticKind.Percentile, 99.9)]
    [InlineData("p99.99", AlarmStatisticKind.Percentile, 99.99)]
    [InlineData("p100", AlarmStatisticKind.Percentile, 100.0)]
    public void TryParse_CloudWatchSpelling_RoundTrips(string text, AlarmStatisticKind kind, double? percentile)
    {
        AlarmStatistic.TryParse(text, out var statistic).ShouldBeTrue();

        (statistic.Kind, statistic.Percentile).ShouldBe((kind, percentile));
        statistic.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("P99")]
    [InlineData("p101")]
    [InlineData("p99.999")]
    [InlineData("p")]
    [InlineData("p-1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_OtherText_Fails(string? text)
    {
        AlarmStatistic.TryParse(text, out var statistic).ShouldBeFalse();

        statistic.ShouldBeNull();
    }

    [Fact]
    public void FromPercentile_EqualsTheParsedSpelling()
    {
        AlarmStatistic.TryParse("p99", out var parsed).ShouldBeTrue();

        AlarmStatistic.FromPercentile(99).ShouldBe(parsed);
        AlarmStatistic.FromPercentile(99).IsPercentile.ShouldBeTrue();
        AlarmStatistic.Average.IsPercentile.ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => AlarmStatistic.FromPercentile(100.5));
        Should.Throw<ArgumentOutOfRangeException>(() => AlarmStatistic.FromPercentile(double.NaN));
    }
}
