using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using Cutover.Local.Alarms;

namespace Cutover.Local.Tests.Dashboards;

/// <summary>A dashboard must show the numbers the alarms judge: its PromQL is built in Core, the alarms' in Local.</summary>
public sealed class DashboardQueriesTests
{
    public static TheoryData<BuiltInMetric, string> EveryMetricAndStatistic()
    {
        var data = new TheoryData<BuiltInMetric, string>();
        foreach (var metric in Enum.GetValues<BuiltInMetric>())
        {
            foreach (var statistic in new[] { "Sum", "Average", "Minimum", "Maximum", "SampleCount", "p50", "p99", "p99.9" })
            {
                data.Add(metric, statistic);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMetricAndStatistic))]
    public void ForVersion_EveryMetricAndStatistic_EqualsTheAlarmQuery(BuiltInMetric metric, string statisticName)
    {
        AlarmStatistic.TryParse(statisticName, out var statistic).ShouldBeTrue();

        foreach (var period in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60) })
        {
            PromQlBuilder.ForVersion(metric, statistic, period, "v2").ShouldBe(PromQlQueries.For(metric, statistic, period, "v2"));
        }
    }

    [Fact]
    public void GoldenSignals_ErrorRateForOneVersion_EqualsTheErrorRateAlarmQuery()
    {
        var alarm = DefaultAlarms.Create().Single(a => a.Name == "error-rate");
        var drawn = DefaultDashboards.GoldenSignals("sample").Widgets.OfType<TimeSeriesWidgetSpec>()
            .SelectMany(w => w.Metrics).OfType<BuiltInDashboardMetric>()
            .Single(m => m.Metric == BuiltInMetric.ErrorRate);

        drawn.Statistic.ShouldBe(alarm.Statistic);
        PromQlBuilder.ForVersion(drawn.Metric, drawn.Statistic, alarm.Period, "v2")
            .ShouldBe(PromQlQueries.For(BuiltInMetric.ErrorRate, alarm.Statistic, alarm.Period, "v2"));
    }

    [Theory]
    [InlineData(BuiltInMetric.Requests)]
    [InlineData(BuiltInMetric.Errors5xx)]
    [InlineData(BuiltInMetric.ErrorRate)]
    [InlineData(BuiltInMetric.Latency)]
    [InlineData(BuiltInMetric.MemoryUtilization)]
    [InlineData(BuiltInMetric.UnhealthyInstances)]
    public void Template_AllVersionsAsOne_IsTheAlarmQueryWithTheVersionAndWindowFilledIn(BuiltInMetric metric)
    {
        var statistic = metric == BuiltInMetric.Latency ? AlarmStatistic.FromPercentile(99) : AlarmStatistic.Average;

        var template = PromQlBuilder.Template(metric, statistic, perVersion: false)!;
        var filled = template
            .Replace("version=~\"$version\"", "version=\"v2\"", StringComparison.Ordinal)
            .Replace("$window", "2s", StringComparison.Ordinal);

        filled.ShouldBe(PromQlQueries.For(metric, statistic, TimeSpan.FromSeconds(2), "v2"));
    }
}
