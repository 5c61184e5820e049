using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Cutover.Core.Alarms;

namespace Cutover.Aws.Alarms;

/// <summary>
/// Compiles the manifest's alarms to CloudWatch alarms with the same meaning: the same statistic, M out of N, comparison
/// and missing-data treatment, over the metrics AWS publishes for the same thing.
/// </summary>
/// <remarks>
/// <para>Per version: where every metric of a rule has a target-group dimension (requests, 5xx, error rate, latency,
/// unhealthy targets), the rule becomes one alarm per target group, so blue and green are each judged on their own
/// traffic as locally; otherwise (memory, restarts) one alarm for the service.</para>
/// <para>Units: <c>errorRate</c> becomes the expression <c>100 * FILL(errors_blue, 0) / requests_blue</c> in percent (the ALB
/// publishes no 5xx datapoint in a minute without 5xx, which must count as 0 errors, while a minute without requests
/// stays missing), so the default threshold 0.01 is 1; <c>memoryUtilization</c> is ECS's percent, so 0.8 is 80.
/// Inside a manifest expression both stay fractions, so the manifest's threshold keeps its unit.</para>
/// </remarks>
public static class AlarmCompiler
{
    private const string Elb = "AWS/ApplicationELB";

    public static IReadOnlyList<CompiledAlarm> Compile(AlarmSpec alarm, ServiceMetrics metrics, string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(metrics);
        var period = Duration.Seconds(CloudWatchPeriod.For(alarm.Period));
        if (PerTargetGroup(alarm.Metric))
        {
            return metrics.TargetGroups
                .Select(tg => Build(alarm, metrics, tg, period, $"{namePrefix}-{alarm.Name}-{tg.Name}"))
                .ToList();
        }

        return [Build(alarm, metrics, null, period, $"{namePrefix}-{alarm.Name}")];
    }

    private static CompiledAlarm Build(AlarmSpec alarm, ServiceMetrics metrics, TargetGroupMetrics? tg, Duration period, string name)
    {
        var description = string.IsNullOrEmpty(alarm.Description) ? alarm.Name : alarm.Description;
        switch (alarm.Metric)
        {
            case BuiltInAlarmMetric { Metric: BuiltInMetric.ErrorRate }:
                return new CompiledAlarm(name, alarm, ErrorRate(metrics, tg, period, percent: true, description), alarm.Threshold * 100, tg?.Name);
            case BuiltInAlarmMetric { Metric: BuiltInMetric.MemoryUtilization } builtIn:
                return new CompiledAlarm(name, alarm, Metric(builtIn.Metric, alarm.Statistic, metrics, tg, period), alarm.Threshold * 100, tg?.Name);
            case BuiltInAlarmMetric builtIn:
                return new CompiledAlarm(name, alarm, Metric(builtIn.Metric, alarm.Statistic, metrics, tg, period), alarm.Threshold, tg?.Name);
            case ExpressionAlarmMetric expression:
                var inputs = expression.Metrics.ToDictionary(
                    pair => pair.Key,
                    pair => pair.Value.Metric switch
                    {
                        BuiltInMetric.ErrorRate => ErrorRate(metrics, tg, period, percent: false, pair.Key),
                        BuiltInMetric.MemoryUtilization => new MathExpression(new MathExpressionProps
                        {
                            Expression = $"memory_{pair.Key} / 100",
                            UsingMetrics = new Dictionary<string, IMetric> { [$"memory_{pair.Key}"] = Metric(BuiltInMetric.MemoryUtilization, pair.Value.Statistic, metrics, tg, period) },
                            Period = period,
                        }),
                        _ => Metric(pair.Value.Metric, pair.Value.Statistic, metrics, tg, period),
                    },
                    StringComparer.Ordinal);
                return new CompiledAlarm(name, alarm, new MathExpression(new MathExpressionProps
                {
                    Expression = expression.Expression,
                    UsingMetrics = inputs,
                    Period = period,
                    Label = description,
                }), alarm.Threshold, tg?.Name);
            case LogAlarmMetric log:
                // The manifest's metric filter publishes it (LogMetricFilters), for the whole service: CloudWatch metric
                // filters on a plain pattern cannot carry the version as a dimension.
                return new CompiledAlarm(name, alarm, new Metric(new MetricProps
                {
                    Namespace = metrics.CustomNamespace,
                    MetricName = log.MetricName,
                    Statistic = "Sum",
                    Period = period,
                    Label = description,
                }), alarm.Threshold, tg?.Name);
            default:
                // ManifestLoader refuses PromQL alarms for AWS environments before anything is built.
                throw new InvalidOperationException($"alarm {alarm.Name}: {alarm.Metric.GetType().Name} has no CloudWatch form");
        }
    }

    /// <summary>True when every metric of the alarm has a target-group dimension, so it can judge each version alone.</summary>
    public static bool PerTargetGroup(AlarmMetric metric) => metric switch
    {
        BuiltInAlarmMetric builtIn => HasTargetGroup(builtIn.Metric),
        ExpressionAlarmMetric expression => expression.Metrics.Values.All(m => HasTargetGroup(m.Metric)),
        _ => false,
    };

    internal static bool HasTargetGroup(BuiltInMetric metric) =>
        metric is BuiltInMetric.Requests or BuiltInMetric.Errors5xx or BuiltInMetric.ErrorRate or BuiltInMetric.Latency or BuiltInMetric.UnhealthyInstances;

    /// <summary>
    /// The 5xx share: <c>FILL(errors, 0) / requests</c>, times 100 when <c>percent</c>. <c>idSuffix</c> makes the inner
    /// metric ids unique in a graph that holds several rates; by default the target group's name.
    /// </summary>
    internal static MathExpression ErrorRate(ServiceMetrics metrics, TargetGroupMetrics? tg, Duration period, bool percent, string label, string? idSuffix = null)
    {
        // Ids are unique per target group: a graph or alarm may hold blue's and green's rate side by side.
        var suffix = idSuffix ?? tg?.Name ?? "service";
        var (errors, requests) = ($"errors_{suffix}", $"requests_{suffix}");
        return new MathExpression(new MathExpressionProps
        {
            Expression = percent ? $"100 * FILL({errors}, 0) / {requests}" : $"FILL({errors}, 0) / {requests}",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                [errors] = Metric(BuiltInMetric.Errors5xx, AlarmStatistic.Sum, metrics, tg, period),
                [requests] = Metric(BuiltInMetric.Requests, AlarmStatistic.Sum, metrics, tg, period),
            },
            Period = period,
            Label = label,
        });
    }

    /// <summary>The AWS metric for a built-in metric: per target group when <paramref name="tg"/> is given, else for the service.</summary>
    public static IMetric Metric(BuiltInMetric metric, AlarmStatistic statistic, ServiceMetrics metrics, TargetGroupMetrics? tg, Duration period)
    {
        var stat = statistic.ToString();
        var elbDimensions = tg is null
            ? new Dictionary<string, string> { ["LoadBalancer"] = metrics.LoadBalancerFullName }
            : new Dictionary<string, string> { ["LoadBalancer"] = metrics.LoadBalancerFullName, ["TargetGroup"] = tg.FullName };
        Metric Elb(string name) => new(new MetricProps { Namespace = AlarmCompiler.Elb, MetricName = name, DimensionsMap = elbDimensions, Statistic = stat, Period = period });

        switch (metric)
        {
            case BuiltInMetric.Requests:
                return Elb("RequestCount");
            case BuiltInMetric.Errors5xx:
                return Elb("HTTPCode_Target_5XX_Count");
            case BuiltInMetric.Latency:
                return Elb("TargetResponseTime");
            case BuiltInMetric.ErrorRate:
                return ErrorRate(metrics, tg, period, percent: false, "errorRate");
            case BuiltInMetric.UnhealthyInstances when tg is not null:
                return Elb("UnHealthyHostCount");
            case BuiltInMetric.UnhealthyInstances:
                // No load-balancer-wide dimension exists for unhealthy targets: the service's count is blue's plus green's.
                var counts = metrics.TargetGroups.Select(group => (Id: $"unhealthy_{group.Name}", Metric: Metric(metric, statistic, metrics, group, period))).ToList();
                return new MathExpression(new MathExpressionProps
                {
                    Expression = string.Join(" + ", counts.Select(c => $"FILL({c.Id}, 0)")),
                    UsingMetrics = counts.ToDictionary(c => c.Id, c => c.Metric),
                    Period = period,
                });
            case BuiltInMetric.MemoryUtilization:
                return new Metric(new MetricProps
                {
                    Namespace = "AWS/ECS",
                    MetricName = "MemoryUtilization",
                    DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = metrics.ClusterName, ["ServiceName"] = metrics.ServiceName },
                    Statistic = stat,
                    Period = period,
                });
            default:
                return new Metric(new MetricProps
                {
                    Namespace = metrics.CustomNamespace,
                    MetricName = ServiceMetrics.TaskCrashes,
                    Statistic = stat,
                    Period = period,
                });
        }
    }

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
