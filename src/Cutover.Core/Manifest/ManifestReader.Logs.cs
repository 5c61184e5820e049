using System.Text.RegularExpressions;
using Cutover.Core.Logs.MetricFilters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>logs</c>: retention of collected logs and metric filters.</summary>
internal sealed partial class ManifestReader
{
    private const string MetricFilterExample = "{ name: checkout-failures, pattern: '\"checkout failed\"', metricName: CheckoutFailures, value: 1 }";

    private static readonly string[] LogsFields = ["retention", "metricFilters"];

    private static readonly string[] LogRetentionFields = ["maxAge", "maxSizeMb"];

    private static readonly string[] MetricFilterFields = ["name", "pattern", "metricName", "value"];

    // 1 TiB: far above any local disk budget, low enough that MiB to bytes never overflows.
    private const int MaxLogSizeMb = 1_048_576;

    private LogsSpec ReadLogs(YamlField field)
    {
        var map = OpenMap(field, LogsFields);
        var defaults = new LogsSpec();
        return new LogsSpec
        {
            Retention = map.Get("retention") is { } retention ? ReadLogRetention(retention) : defaults.Retention,
            MetricFilters = map.Get("metricFilters") is { } filters ? ReadMetricFilters(filters) : defaults.MetricFilters,
        };
    }

    private LogRetentionSpec ReadLogRetention(YamlField field)
    {
        var map = OpenMap(field, LogRetentionFields);
        var defaults = new LogRetentionSpec();
        return new LogRetentionSpec
        {
            MaxAge = Duration(map, "maxAge", allowZero: false) ?? defaults.MaxAge,
            MaxSizeMb = Int(map, "maxSizeMb", 1, MaxLogSizeMb) ?? defaults.MaxSizeMb,
        };
    }

    private List<MetricFilterSpec> ReadMetricFilters(YamlField field)
    {
        var filters = new List<MetricFilterSpec>();
        if (Sequence(field, $"[{MetricFilterExample}]") is not { } sequence)
        {
            return filters;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (IsNull(item))
            {
                Report(item.Start, path, "the metric filter is empty", $"add name, pattern and metricName, such as {MetricFilterExample}");
                continue;
            }

            var map = OpenMap(item, path, item.Start, MetricFilterFields);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var name = Required(map, "name", "add a name such as name: checkout-failures") is { } nameField ? UniqueName(nameField, firstUse, "metric filter", "checkout-failures", "give each metric filter its own name") : null;
            var pattern = Required(map, "pattern", "add a pattern such as pattern: '\"checkout failed\"' or pattern: '{ $.level = \"Error\" }'") is { } patternField
                ? MetricFilterPatternText(patternField)
                : null;
            var metricName = Required(map, "metricName", "add the metric the matches count into, such as metricName: CheckoutFailures") is { } metricField
                ? LogMetricName(metricField)
                : null;
            var value = map.Get("value") is { } valueField ? Number(valueField, 0, double.MaxValue) : 1;
            filters.Add(new MetricFilterSpec
            {
                Name = name ?? string.Empty,
                Pattern = pattern ?? string.Empty,
                MetricName = metricName ?? string.Empty,
                Value = value ?? 1,
            });
        }

        return filters;
    }

    private string? MetricFilterPatternText(YamlField field)
    {
        var text = Text(field, "'\"checkout failed\"'");
        if (text is null)
        {
            return null;
        }

        var parsed = MetricFilterPattern.Parse(text);
        if (parsed.Error is { } error)
        {
            Report(PositionIn(field, error.Position), field.Path, error.Problem, error.Fix);
            return null;
        }

        return text;
    }

    private string? LogMetricName(YamlField field)
    {
        var name = Text(field, "CheckoutFailures");
        if (name is not null && !LogMetricNamePattern().IsMatch(name))
        {
            Report(
                field.Value.Start,
                field.Path,
                $"metric name \"{name}\" must start with a letter and hold only letters, digits, _, . and - (at most 255)",
                "use a name such as CheckoutFailures");
            return null;
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,254}$")]
    private static partial Regex LogMetricNamePattern();
}
