using Cutover.Core.Alarms;
using Cutover.Core.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>release.analysis</c>: how often the canary is compared with the baseline, the limits, and the metrics.</summary>
internal sealed partial class ManifestReader
{
    // Generous enough for 1 s intervals over a long bake; a limit beyond it would never roll anything back.
    private const int MaxAnalysisLimit = 1000;

    private const int MaxMinimumRequests = 1_000_000;

    private const string AnalysisMetricsExample = "[{ name: error-rate, metric: errorRate, maxIncrease: 0.01 }]";

    private const string NoBoundFix = "add maxIncrease (fail when canary - baseline is above it) or maxRatio (fail when canary / baseline is above it), such as maxRatio: 1.5";

    private static readonly string[] AnalysisFields = ["interval", "consecutiveFailureLimit", "inconclusiveLimit", "metrics"];

    private static readonly string[] AnalysisMetricFields = ["name", "metric", "statistic", "maxIncrease", "maxRatio", "minimumRequests"];

    // Spelt out rather than taken from MetricNames (static initialisers in other partial files run in no set order), and
    // without restarts: a restart is an event of one process, which the crash-loop alarm judges on its own, not a rate
    // that a share of traffic makes comparable between versions.
    private static readonly Dictionary<string, BuiltInMetric> AnalysisMetricNames = new(StringComparer.Ordinal)
    {
        ["requests"] = BuiltInMetric.Requests,
        ["errors5xx"] = BuiltInMetric.Errors5xx,
        ["errorRate"] = BuiltInMetric.ErrorRate,
        ["latency"] = BuiltInMetric.Latency,
        ["memoryUtilization"] = BuiltInMetric.MemoryUtilization,
        ["unhealthyInstances"] = BuiltInMetric.UnhealthyInstances,
    };

    private AnalysisSpec ReadAnalysis(YamlField field)
    {
        var map = OpenMap(field, AnalysisFields);
        var defaults = new AnalysisSpec();

        // OpenMap has reported a value that is not a mapping; a "metrics is missing" on top would be noise.
        if (!IsNull(field.Value) && field.Value is not YamlMappingNode)
        {
            return defaults;
        }

        var metricsField = Required(map, "metrics", "add the metrics to compare, such as metrics: " + AnalysisMetricsExample);
        return new AnalysisSpec
        {
            Interval = (map.Get("interval") is { } interval ? AnalysisInterval(interval) : null) ?? defaults.Interval,
            ConsecutiveFailureLimit = Int(map, "consecutiveFailureLimit", 1, MaxAnalysisLimit) ?? defaults.ConsecutiveFailureLimit,
            InconclusiveLimit = Int(map, "inconclusiveLimit", 1, MaxAnalysisLimit) ?? defaults.InconclusiveLimit,
            Metrics = metricsField is null ? defaults.Metrics : ReadAnalysisMetrics(metricsField),
        };
    }

    /// <summary>At least 1 s: a shorter interval holds too few requests to compare, and scrapes are no finer.</summary>
    private TimeSpan? AnalysisInterval(YamlField field)
    {
        if (Duration(field, allowZero: false) is not { } interval)
        {
            return null;
        }

        if (interval < TimeSpan.FromSeconds(1))
        {
            Report(field.Value.Start, field.Path, $"interval {((YamlScalarNode)field.Value).Value} is shorter than 1s", "use 1s or more, such as 4s");
            return null;
        }

        return interval;
    }

    private List<AnalysisMetricSpec> ReadAnalysisMetrics(YamlField field)
    {
        var metrics = new List<AnalysisMetricSpec>();
        if (Sequence(field, AnalysisMetricsExample) is not { } sequence)
        {
            return metrics;
        }

        // With no metrics every interval would be inconclusive and every release rolled back: say so now instead.
        if (sequence.Children.Count == 0)
        {
            Report(IsNull(field.Value) ? field.Key.Start : field.Value.Start, field.Path, "metrics is empty", "add at least one metric to compare, such as " + AnalysisMetricsExample[1..^1]);
            return metrics;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (item is not YamlMappingNode)
            {
                // One error for the item rather than one per required field it lacks.
                if (IsNull(item))
                {
                    Report(item.Start, path, "the metric is empty", "add name, metric and maxIncrease or maxRatio, such as " + AnalysisMetricsExample[1..^1]);
                }
                else
                {
                    OpenMap(item, path, item.Start, AnalysisMetricFields);
                }

                continue;
            }

            metrics.Add(ReadAnalysisMetric(OpenMap(item, path, item.Start, AnalysisMetricFields), firstUse));
        }

        return metrics;
    }

    private AnalysisMetricSpec ReadAnalysisMetric(YamlMap map, Dictionary<string, Mark> firstUse)
    {
        var name = Required(map, "name", "add a name that verdicts show, such as name: error-rate") is { } nameField
            ? UniqueName(nameField, firstUse, "metric", "error-rate", "give each metric its own name")
            : null;
        var metric = Required(map, "metric", "add a built-in metric, such as metric: errorRate") is { } metricField
            ? AnalysisBuiltInMetric(metricField)
            : null;
        var statistic = map.Get("statistic") is { } statisticField ? AnalysisStatistic(statisticField, metric) : metric?.NaturalStatistic();

        var maxIncreaseField = map.Get("maxIncrease");
        var maxRatioField = map.Get("maxRatio");
        if (maxIncreaseField is null && maxRatioField is null)
        {
            Report(map.ReportAt, FieldPath.Child(map.Path, "maxIncrease"), "the metric sets neither maxIncrease nor maxRatio, so it could never fail", NoBoundFix);
        }

        var defaults = new AnalysisMetricSpec();
        return new AnalysisMetricSpec
        {
            Name = name ?? defaults.Name,
            Metric = metric ?? defaults.Metric,
            Statistic = statistic ?? defaults.Statistic,
            MaxIncrease = maxIncreaseField is null ? null : MaxIncrease(maxIncreaseField, metric),
            MaxRatio = maxRatioField is null ? null : MaxRatio(maxRatioField),
            MinimumRequests = Int(map, "minimumRequests", 0, MaxMinimumRequests) ?? defaults.MinimumRequests,
        };
    }

    private BuiltInMetric? AnalysisBuiltInMetric(YamlField field)
    {
        if (field.Value is YamlScalarNode { Style: ScalarStyle.Plain, Value: "restarts" })
        {
            Report(
                field.Value.Start,
                field.Path,
                "restarts is not compared with the baseline",
                "leave restarts to the crash-loop alarm; compare requests, errors5xx, errorRate, latency, memoryUtilization or unhealthyInstances");
            return null;
        }

        return Choice(field, AnalysisMetricNames);
    }

    /// <summary>CloudWatch's spelling, as for alarms; a percentile only for latency, the one metric with a sample per request.</summary>
    private AlarmStatistic? AnalysisStatistic(YamlField field, BuiltInMetric? metric)
    {
        // Checked here rather than by Statistic's own rule, whose fix mentions promql, which analysis does not offer.
        var statistic = Statistic(field, metric: null);
        if (statistic is { IsPercentile: true } && metric is { } m && !m.HasPercentiles())
        {
            Report(
                field.Value.Start,
                field.Path,
                $"percentile {statistic} does not apply to {MetricName(m)}, which has one value per period rather than one per request",
                "use Average or Maximum; percentiles apply to latency only");
            return null;
        }

        return statistic;
    }

    /// <summary>Zero or more, in the metric's unit; below 1 for a share, where an increase of 1 or more cannot happen.</summary>
    private double? MaxIncrease(YamlField field, BuiltInMetric? metric)
    {
        var value = Number(field, 0, double.MaxValue);
        if (value is not { } v || metric is not { } m || !m.IsShare() || v < 1)
        {
            return value;
        }

        var text = ((YamlScalarNode)field.Value).Value;
        Report(
            field.Value.Start,
            field.Path,
            $"maxIncrease {text} can never be exceeded: {MetricName(m)} is a share from 0 to 1, not a percentage",
            v <= 100 ? FormattableString.Invariant($"write {v / 100} for {text}%") : "use a number below 1, such as 0.01");
        return null;
    }

    /// <summary>1 or more: below 1, a canary exactly as good as the baseline would fail.</summary>
    private double? MaxRatio(YamlField field)
    {
        var value = Number(field, 0, double.MaxValue);
        if (value is not { } v || v >= 1)
        {
            return value;
        }

        Report(
            field.Value.Start,
            field.Path,
            $"maxRatio {((YamlScalarNode)field.Value).Value} is below 1, so a canary as good as the baseline would fail",
            "use 1 or more, such as 1.5 to fail a canary more than 50% above the baseline");
        return null;
    }
}
