using Amazon.CDK.AWS.CloudWatch;
using Cutover.Aws.Alarms;
using Cutover.Core.Alarms;

namespace Cutover.Aws.Tests.Alarms;

public sealed class AlarmCompilerTests
{
    private static readonly ServiceMetrics Metrics = new("app/lb/1", [new TargetGroupMetrics("blue", "targetgroup/b/1"), new TargetGroupMetrics("green", "targetgroup/g/2")], "cluster", "svc", "Cutover/svc-prod");

    public AlarmCompilerTests() => JsiiEnvironment.Silence();

    [Fact]
    public void Compile_DefaultErrorRate_IsOneAlarmPerTargetGroupInPercent()
    {
        var alarms = AlarmCompiler.Compile(DefaultAlarms.Create().Single(a => a.Name == "error-rate"), Metrics, "svc-prod");

        alarms.Select(a => a.Name).ShouldBe(["svc-prod-error-rate-blue", "svc-prod-error-rate-green"]);
        alarms.ShouldAllBe(a => a.Threshold == 1);
        ((MathExpression)alarms[0].Metric).Expression.ShouldBe("100 * FILL(errors_blue, 0) / requests_blue");
    }

    [Fact]
    public void Compile_Memory_IsOneServiceAlarmInPercent()
    {
        var alarm = AlarmCompiler.Compile(DefaultAlarms.Create().Single(a => a.Name == "memory"), Metrics, "svc-prod").Single();

        alarm.Threshold.ShouldBe(80, tolerance: 1e-9);
        alarm.TargetGroup.ShouldBeNull();
        ((Metric)alarm.Metric).MetricName.ShouldBe("MemoryUtilization");
    }

    [Fact]
    public void Compile_ManifestExpression_KeepsTheExpressionAndItsThreshold()
    {
        var spec = new AlarmSpec
        {
            Name = "checkout-errors",
            Metric = new ExpressionAlarmMetric("m1 / m2", new Dictionary<string, MetricStat>
            {
                ["m1"] = new(BuiltInMetric.Errors5xx, AlarmStatistic.Sum),
                ["m2"] = new(BuiltInMetric.Requests, AlarmStatistic.Sum),
            }),
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            Comparison = AlarmComparison.GreaterThanThreshold,
            Threshold = 0.02,
        };

        var alarms = AlarmCompiler.Compile(spec, Metrics, "svc-prod");

        alarms.Count.ShouldBe(2);
        alarms.ShouldAllBe(a => a.Threshold == 0.02);
        ((MathExpression)alarms[0].Metric).Expression.ShouldBe("m1 / m2");
    }

    [Fact]
    public void Compile_ExpressionWithAServiceMetric_IsOneServiceAlarm()
    {
        var spec = new AlarmSpec
        {
            Name = "pressure",
            Metric = new ExpressionAlarmMetric("mem + e", new Dictionary<string, MetricStat>
            {
                ["mem"] = new(BuiltInMetric.MemoryUtilization, AlarmStatistic.Maximum),
                ["e"] = new(BuiltInMetric.ErrorRate, AlarmStatistic.Average),
            }),
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            Comparison = AlarmComparison.GreaterThanThreshold,
            Threshold = 1,
        };

        AlarmCompiler.Compile(spec, Metrics, "svc-prod").Single().Name.ShouldBe("svc-prod-pressure");
    }

    [Theory]
    [InlineData(AlarmComparison.GreaterThanThreshold, ComparisonOperator.GREATER_THAN_THRESHOLD)]
    [InlineData(AlarmComparison.GreaterThanOrEqualToThreshold, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)]
    [InlineData(AlarmComparison.LessThanThreshold, ComparisonOperator.LESS_THAN_THRESHOLD)]
    [InlineData(AlarmComparison.LessThanOrEqualToThreshold, ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD)]
    public void ComparisonOperator_EachComparison_IsCloudWatchsOperator(AlarmComparison comparison, ComparisonOperator expected)
    {
        var spec = DefaultAlarms.Create()[0] with { Comparison = comparison };

        AlarmCompiler.Compile(spec, Metrics, "p")[0].ComparisonOperator.ShouldBe(expected);
    }
}
