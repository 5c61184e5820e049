using System.Globalization;
using Amazon.CDK.AWS.Logs;
using Cutover.Core.Manifest;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The manifest's <c>logs.metricFilters</c> as CloudWatch metric filters on the application's log group: the same
/// pattern text (Cutover's pattern syntax is a subset of CloudWatch's), metric name and value, in the service's custom
/// namespace, with a default of 0 so a period without matching lines reads 0, as locally, rather than missing.
/// </summary>
internal static class LogMetricFilters
{
    public static IReadOnlyList<CfnMetricFilter> Add(Construct scope, string logGroupName, IReadOnlyList<MetricFilterSpec> filters, string metricNamespace) =>
        [.. filters.Select(filter => new CfnMetricFilter(scope, $"LogMetric-{filter.Name}", new CfnMetricFilterProps
        {
            FilterName = $"manifest-{filter.Name}",
            LogGroupName = logGroupName,
            FilterPattern = filter.Pattern,
            MetricTransformations = new object[]
            {
                new CfnMetricFilter.MetricTransformationProperty
                {
                    MetricNamespace = metricNamespace,
                    MetricName = filter.MetricName,
                    MetricValue = filter.Value.ToString("0.####", CultureInfo.InvariantCulture),
                    DefaultValue = 0,
                },
            },
        }))];
}
