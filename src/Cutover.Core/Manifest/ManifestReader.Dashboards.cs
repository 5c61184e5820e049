using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>dashboards</c>: whether the default dashboards apply, and the service's own.</summary>
internal sealed partial class ManifestReader
{
    private const string DashboardExample = "{ name: checkout, rows: [{ title: Checkout, widgets: [{ metric: errorRate }] }] }";

    private const string WidgetExample = "{ title: Errors, metric: errorRate }";

    private const string NoWidgetKindFix =
        "add metric (a built-in such as errorRate), metrics (a list of them), promql (local target only), alarms (a list of alarm names, or all) or text (Markdown)";

    private static readonly string[] DashboardsFields = ["useDefaults", "custom"];

    private static readonly string[] DashboardFields = ["name", "title", "description", "releaseMarkers", "rows"];

    private static readonly string[] DashboardRowFields = ["title", "widgets"];

    private static readonly string[] WidgetFields = ["title", "width", "metric", "statistic", "metrics", "promql", "alarms", "text", "unit", "perVersion"];

    private static readonly string[] WidgetKindFields = ["metric", "metrics", "promql", "alarms", "text"];

    private static readonly string[] WidgetMetricFields = ["metric", "statistic", "promql", "label"];

    private static readonly string[] SeriesOnlyFields = ["unit", "perVersion"];

    private static readonly Dictionary<string, DashboardUnit> DashboardUnitNames = new(StringComparer.Ordinal)
    {
        ["count"] = DashboardUnit.Count,
        ["perSecond"] = DashboardUnit.PerSecond,
        ["share"] = DashboardUnit.Share,
        ["seconds"] = DashboardUnit.Seconds,
        ["bytes"] = DashboardUnit.Bytes,
    };

    /// <summary>The section, or the defaults when it is absent; alarm widgets are checked against <paramref name="alarms"/>.</summary>
    private DashboardsSpec ReadDashboards(YamlField? field, AlarmsSpec alarms)
    {
        var defaults = new DashboardsSpec();
        if (field is null)
        {
            return defaults;
        }

        var map = OpenMap(field, DashboardsFields);
        var alarmNames = alarms.Effective.Select(a => a.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new DashboardsSpec
        {
            UseDefaults = Bool(map, "useDefaults") ?? defaults.UseDefaults,
            Custom = map.Get("custom") is { } customField ? ReadCustomDashboards(customField, alarmNames) : defaults.Custom,
        };
    }

    private List<DashboardSpec> ReadCustomDashboards(YamlField field, IReadOnlyList<string> alarmNames)
    {
        var dashboards = new List<DashboardSpec>();
        if (Sequence(field, $"[{DashboardExample}]") is not { } sequence)
        {
            return dashboards;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (IsNull(item))
            {
                Report(item.Start, path, "the dashboard is empty", $"add name and rows, such as {DashboardExample}");
                continue;
            }

            var map = OpenMap(item, path, item.Start, DashboardFields);
            if (item is YamlMappingNode)
            {
                dashboards.Add(ReadDashboard(map, firstUse, alarmNames));
            }
        }

        return dashboards;
    }

    private DashboardSpec ReadDashboard(YamlMap map, Dictionary<string, Mark> firstUse, IReadOnlyList<string> alarmNames)
    {
        var name = Required(map, "name", $"add a name such as name: checkout (\"{DefaultDashboards.GoldenSignalsName}\" replaces the default)") is { } nameField
            ? UniqueName(nameField, firstUse, "dashboard", "checkout", "give each dashboard its own name; to replace a default dashboard, use its name once")
            : null;
        var rowsField = Required(map, "rows", "add rows of widgets, such as rows: [{ title: Checkout, widgets: [" + WidgetExample + "] }]");
        var rows = rowsField is null ? [] : ReadDashboardRows(rowsField, alarmNames);
        if (rowsField is not null && IsEmptyList(rowsField))
        {
            Report(rowsField.Value.Start, rowsField.Path, "the dashboard has no rows", $"add at least one row, such as - {{ title: Checkout, widgets: [{WidgetExample}] }}");
        }

        return new DashboardSpec
        {
            Name = name ?? string.Empty,
            Title = Text(map, "title", "\"Checkout\"") ?? name ?? string.Empty,
            Description = Text(map, "description", "\"Orders and payments, per version\""),
            ReleaseMarkers = Bool(map, "releaseMarkers") ?? true,
            Rows = rows,
        };
    }

    private List<DashboardRow> ReadDashboardRows(YamlField field, IReadOnlyList<string> alarmNames)
    {
        var rows = new List<DashboardRow>();
        if (Sequence(field, $"[{{ title: Checkout, widgets: [{WidgetExample}] }}]") is not { } sequence)
        {
            return rows;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (IsNull(item))
            {
                Report(item.Start, path, "the row is empty", $"add widgets, such as widgets: [{WidgetExample}]");
                continue;
            }

            var map = OpenMap(item, path, item.Start, DashboardRowFields);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var widgetsField = Required(map, "widgets", $"add the row's widgets, such as widgets: [{WidgetExample}]");
            var widgets = widgetsField is null ? [] : ReadWidgets(widgetsField, alarmNames);
            if (widgetsField is not null && IsEmptyList(widgetsField))
            {
                Report(widgetsField.Value.Start, widgetsField.Path, "the row has no widgets", $"add at least one widget, such as - {WidgetExample}");
            }

            rows.Add(new DashboardRow { Title = Text(map, "title", "Checkout"), Widgets = widgets });
        }

        return rows;
    }

    private List<WidgetSpec> ReadWidgets(YamlField field, IReadOnlyList<string> alarmNames)
    {
        var widgets = new List<WidgetSpec>();
        if (Sequence(field, $"[{WidgetExample}]") is not { } sequence)
        {
            return widgets;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (IsNull(item))
            {
                Report(item.Start, path, "the widget is empty", $"write what it shows, such as {WidgetExample}; {NoWidgetKindFix}");
                continue;
            }

            var map = OpenMap(item, path, item.Start, WidgetFields);
            if (item is YamlMappingNode && ReadWidget(map, alarmNames) is { } widget)
            {
                widgets.Add(widget);
            }
        }

        return widgets;
    }

    /// <summary>Exactly one of metric, metrics, promql, alarms and text says what the widget is.</summary>
    private WidgetSpec? ReadWidget(YamlMap map, IReadOnlyList<string> alarmNames)
    {
        var kinds = WidgetKindFields
            .Select(map.Get)
            .OfType<YamlField>()
            .OrderBy(f => f.Key.Start.Line)
            .ThenBy(f => f.Key.Start.Column)
            .ToList();
        if (kinds.Count == 0)
        {
            Report(map.ReportAt, FieldPath.Child(map.Path, "metric"), "the widget shows nothing", NoWidgetKindFix);
            return null;
        }

        var kind = kinds[0];
        foreach (var extra in kinds.Skip(1))
        {
            Report(
                extra.Key.Start,
                extra.Path,
                $"{extra.Name} is set as well as {kind.Name}; a widget has exactly one of metric, metrics, promql, alarms and text",
                $"keep one of them, or put the other in a widget of its own: delete {extra.Name} or {kind.Name}");
        }

        if (map.Get("statistic") is { } statisticField && kind.Name != "metric")
        {
            Report(
                statisticField.Key.Start,
                statisticField.Path,
                $"statistic applies only with metric, not with {kind.Name}",
                kind.Name == "metrics" ? "set statistic on each item under metrics, such as - { metric: latency, statistic: p99 }" : "delete statistic");
        }

        if (kind.Name is "alarms" or "text")
        {
            foreach (var seriesField in SeriesOnlyFields.Select(map.Get).OfType<YamlField>())
            {
                Report(seriesField.Key.Start, seriesField.Path, $"{seriesField.Name} applies to graphs (metric, metrics, promql), not to {kind.Name}", $"delete {seriesField.Name}");
            }
        }

        var width = Int(map, "width", 1, DashboardRow.GridWidth);
        var title = Text(map, "title", "\"Checkout errors\"");
        WidgetSpec? widget = kind.Name switch
        {
            "metric" => MetricWidget(map, kind),
            "metrics" => ReadWidgetMetrics(kind) is { Count: > 0 } metrics ? Series(map, metrics, string.Join(", ", metrics.Select(DescribeMetric))) : null,
            "promql" => DashboardQuery(kind) is { } query ? Series(map, [new PromQlDashboardMetric(query)], "PromQL") : null,
            "alarms" => ReadWidgetAlarms(kind, alarmNames) is var (valid, alarms) && valid ? new AlarmStatusWidgetSpec { Title = "Alarms", Alarms = alarms } : null,
            _ => Text(kind, "\"Runbook: https://wiki.example.com/checkout\"") is { } markdown ? new TextWidgetSpec(markdown) : null,
        };
        return widget is null || kinds.Count > 1 ? null : widget with { Title = title ?? widget.Title, Width = width };
    }

    private TimeSeriesWidgetSpec? MetricWidget(YamlMap map, YamlField metricField)
    {
        var metric = Choice(metricField, MetricNames);
        var statistic = map.Get("statistic") is { } statisticField ? Statistic(statisticField, metric) : metric?.NaturalStatistic();
        return metric is { } m && statistic is not null
            ? Series(map, [new BuiltInDashboardMetric(m, statistic)], $"{MetricName(m)} {statistic}")
            : null;
    }

    /// <summary>A graph of <paramref name="metrics"/>: the unit from the manifest or from the first built-in metric.</summary>
    private TimeSeriesWidgetSpec Series(YamlMap map, IReadOnlyList<DashboardMetric> metrics, string title)
    {
        var natural = metrics.OfType<BuiltInDashboardMetric>().Select(m => DashboardUnits.Natural(m.Metric, m.Statistic)).FirstOrDefault(DashboardUnit.Count);
        return new TimeSeriesWidgetSpec
        {
            Title = title,
            Metrics = metrics,
            Unit = (map.Get("unit") is { } unitField ? Choice(unitField, DashboardUnitNames) : null) ?? natural,
            PerVersion = Bool(map, "perVersion") ?? true,
        };
    }

    /// <summary>The items of <c>metrics</c>, each a built-in metric with its statistic or a PromQL query. Empty after any error.</summary>
    private List<DashboardMetric> ReadWidgetMetrics(YamlField field)
    {
        var metrics = new List<DashboardMetric>();
        const string Example = "[{ metric: latency, statistic: p50 }, { metric: latency, statistic: p99 }]";
        if (Sequence(field, Example) is not { } sequence)
        {
            return metrics;
        }

        if (sequence.Children.Count == 0)
        {
            Report(field.Value.Start, field.Path, "metrics is empty", $"list what the graph draws, such as {Example}");
            return metrics;
        }

        var valid = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (IsNull(item))
            {
                Report(item.Start, path, "the metric is empty", "write { metric: latency, statistic: p99 } or { promql: \"...\" }");
                valid = false;
                continue;
            }

            var map = OpenMap(item, path, item.Start, WidgetMetricFields);
            var metric = item is YamlMappingNode ? ReadWidgetMetric(map) : null;
            valid &= metric is not null;
            if (metric is not null)
            {
                metrics.Add(metric);
            }
        }

        return valid ? metrics : [];
    }

    private DashboardMetric? ReadWidgetMetric(YamlMap map)
    {
        var metricField = map.Get("metric");
        var promQlField = map.Get("promql");
        var statisticField = map.Get("statistic");
        var label = Text(map, "label", "p99");
        if ((metricField, promQlField) is (null, null))
        {
            Report(map.ReportAt, FieldPath.Child(map.Path, "metric"), "the item names no metric", "add metric (a built-in such as latency) or promql (local target only)");
            return null;
        }

        if ((metricField, promQlField) is ({ } first, { } second))
        {
            var (kept, extra) = first.Key.Start.Line <= second.Key.Start.Line ? (first, second) : (second, first);
            Report(extra.Key.Start, extra.Path, $"{extra.Name} is set as well as {kept.Name}; an item has exactly one of metric and promql", $"delete {extra.Name} or {kept.Name}");
            return null;
        }

        if (promQlField is not null)
        {
            if (statisticField is not null)
            {
                Report(statisticField.Key.Start, statisticField.Path, "statistic does not apply to promql", "delete statistic; the query computes the value itself");
                return null;
            }

            return DashboardQuery(promQlField) is { } query ? new PromQlDashboardMetric(query) { Label = label } : null;
        }

        var metric = Choice(metricField!, MetricNames);
        var statistic = statisticField is null ? metric?.NaturalStatistic() : Statistic(statisticField, metric);
        return metric is { } m && statistic is not null ? new BuiltInDashboardMetric(m, statistic) { Label = label } : null;
    }

    /// <summary>
    /// A raw query. <c>$version</c> is a regular expression of the versions shown, so an exact match on it would draw
    /// nothing once two versions are selected: the error points at it.
    /// </summary>
    private string? DashboardQuery(YamlField field)
    {
        var query = Text(field, "'sum by (version) (rate(orders_total{version=~\"$version\"}[$window]))'");
        if (query is null)
        {
            return null;
        }

        const string Exact = "=\"" + PromQlBuilder.VersionVariable + "\"";
        var at = query.IndexOf(Exact, StringComparison.Ordinal);
        if (at >= 0 && (at == 0 || query[at - 1] != '!'))
        {
            Report(
                PositionIn(field, at + 1),
                field.Path,
                "version=\"$version\" matches nothing when several versions are shown: $version is a regular expression such as v1|v2",
                "write version=~\"$version\"");
            return null;
        }

        return query;
    }

    /// <summary><c>alarms: all</c> (null: every alarm) or a list of alarm names the manifest declares or gets by default.</summary>
    private (bool Valid, IReadOnlyList<string>? Alarms) ReadWidgetAlarms(YamlField field, IReadOnlyList<string> alarmNames)
    {
        const string Example = "[error-rate, latency-p99] or alarms: all";
        if (field.Value is YamlScalarNode { Value: "all", Style: ScalarStyle.Plain })
        {
            return (true, null);
        }

        if (field.Value is YamlScalarNode && !IsNull(field.Value))
        {
            Report(field.Value.Start, field.Path, $"expected a list of alarm names or all, got \"{((YamlScalarNode)field.Value).Value}\"", $"write alarms: {Example}");
            return (false, null);
        }

        var names = TextList(field, Example);
        if (names is null)
        {
            return (false, null);
        }

        if (names.Count == 0)
        {
            Report(field.Value.Start, field.Path, "alarms lists no alarm", $"list the alarms to show, such as {Example}");
            return (false, null);
        }

        var sequence = (YamlSequenceNode)field.Value;
        var valid = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (alarmNames.Contains(names[i], StringComparer.Ordinal))
            {
                continue;
            }

            valid = false;
            var suggestion = Suggestions.Closest(names[i], alarmNames);
            Report(
                sequence.Children[i].Start,
                FieldPath.Item(field.Path, i),
                $"unknown alarm \"{names[i]}\"",
                suggestion is not null
                    ? $"did you mean \"{suggestion}\"?"
                    : alarmNames.Count == 0 ? "the manifest has no alarms: delete the widget, or set alarms.useDefaults: true" : $"use one of {string.Join(", ", alarmNames)}");
        }

        return (valid, names);
    }

    private static bool IsEmptyList(YamlField field) => IsNull(field.Value) || field.Value is YamlSequenceNode { Children.Count: 0 };

    private static string DescribeMetric(DashboardMetric metric) => metric switch
    {
        { Label: { } label } => label,
        BuiltInDashboardMetric builtIn => $"{MetricName(builtIn.Metric)} {builtIn.Statistic}",
        _ => "PromQL",
    };
}
