using Amazon.CDK;
using Amazon.CDK.Assertions;
using Cutover.Aws.Alarms;
using Cutover.Aws.Constructs;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Alarms;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Constructs;

public sealed class LogMetricFiltersTests
{
    private static ServiceMetrics Metrics => SampleMetrics.Dev;

    [Fact]
    public void Add_ManifestFilter_IsACloudWatchMetricFilterWithTheSamePatternAndADefaultOfZero()
    {
        JsiiEnvironment.Silence();
        var stack = new Stack(new App(), "Filters");
        MetricFilterSpec[] filters =
        [
            new() { Name = "checkout-failures", Pattern = "\"checkout failed\"", MetricName = "CheckoutFailures" },
            new() { Name = "slow-orders", Pattern = "{ $.ElapsedMs > 2000 }", MetricName = "SlowOrders", Value = 2.5 },
        ];

        LogMetricFilters.Add(stack, "/cutover/sample-dev/app", filters, Metrics.CustomNamespace);

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Logs::MetricFilter", 2);
        template.HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["FilterName"] = "manifest-checkout-failures",
            ["LogGroupName"] = "/cutover/sample-dev/app",
            ["FilterPattern"] = "\"checkout failed\"",
            ["MetricTransformations"] = new object[]
            {
                new Dictionary<string, object> { ["MetricNamespace"] = "Cutover/sample-dev", ["MetricName"] = "CheckoutFailures", ["MetricValue"] = "1", ["DefaultValue"] = 0 },
            },
        });
        template.HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["FilterPattern"] = "{ $.ElapsedMs > 2000 }",
            ["MetricTransformations"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["MetricName"] = "SlowOrders", ["MetricValue"] = "2.5" }) },
        });
    }

    [Fact]
    public void Compile_LogMetricAlarm_IsOneServiceAlarmOnTheFiltersMetricSum()
    {
        JsiiEnvironment.Silence();
        var alarm = new AlarmSpec
        {
            Name = "checkout-failing",
            Metric = new LogAlarmMetric("CheckoutFailures"),
            Statistic = AlarmStatistic.Sum,
            Period = TimeSpan.FromSeconds(60),
            EvaluationPeriods = 2,
            DatapointsToAlarm = 2,
            Comparison = AlarmComparison.GreaterThanThreshold,
            Threshold = 5,
        };

        var compiled = AlarmCompiler.Compile(alarm, Metrics, "sample-dev").ShouldHaveSingleItem();

        compiled.Name.ShouldBe("sample-dev-checkout-failing");
        compiled.TargetGroup.ShouldBeNull();
        compiled.Threshold.ShouldBe(5);
        var metric = compiled.Metric.ShouldBeOfType<Amazon.CDK.AWS.CloudWatch.Metric>();
        metric.Namespace.ShouldBe("Cutover/sample-dev");
        metric.MetricName.ShouldBe("CheckoutFailures");
        metric.Statistic.ShouldBe("Sum");
    }
}
