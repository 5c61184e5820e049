using System.Text.Encodings.Web;
using Cutover.Core.Alarms;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cutover.Core.Dashboards;

/// <summary>
/// Renders a dashboard as Grafana dashboard JSON (schema version 39) for a Grafana on the local Prometheus. Pure: it
/// builds text and touches neither files nor the network.
/// </summary>
/// <remarks>
/// Data sources are variables, so the file imports and provisions as is: <c>DS_PROMETHEUS</c> (Prometheus) for the
/// metrics and, where alarm states or release markers are shown, <c>DS_INFINITY</c> (the Infinity JSON data source)
/// reading the control plane at <c>cutover_url</c>. The <c>version</c> variable picks the versions drawn; every
/// built-in metric's query is <see cref="PromQlBuilder.Template"/>, the alarms' query grouped by version, over
/// Grafana's <c>$__rate_interval</c>.
/// </remarks>
public static class GrafanaDashboardRenderer
{
    /// <summary>The dashboard JSON schema version written: Grafana 10.4 and 11 read it as their own.</summary>
    public const int SchemaVersion = 39;

    /// <summary>The Prometheus data source variable: panels name <c>${DS_PROMETHEUS}</c> as their data source.</summary>
    public const string PrometheusVariable = "DS_PROMETHEUS";

    /// <summary>The Infinity data source variable, for alarm states and release markers from the control plane.</summary>
    public const string InfinityVariable = "DS_INFINITY";

    /// <summary>The text variable holding the control plane's base URL.</summary>
    public const string ControlPlaneVariable = "cutover_url";

    /// <summary>The variable picking the versions drawn, from Prometheus' <c>version</c> label.</summary>
    public const string VersionVariable = "version";

    /// <summary>The Infinity data source's plugin id.</summary>
    public const string InfinityPluginId = "yesoreyeram-infinity-datasource";

    /// <summary>Grafana's rate window: at least four scrapes, wider when zoomed out. Replaces <see cref="PromQlBuilder.WindowVariable"/>.</summary>
    public const string RateInterval = "$__rate_interval";

    private const int SeriesHeight = 8;
    private const int TextHeight = 4;
    private const int MaxUidLength = 40;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Readable PromQL in the file: quotes as \" rather than \u0022. The JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The dashboard as Grafana JSON, ready to import or to provision from a file.</summary>
    public static string Render(DashboardSpec dashboard, GrafanaOptions options)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(options);

        var needsControlPlane = dashboard.ReleaseMarkers || dashboard.Widgets.Any(w => w is AlarmStatusWidgetSpec);
        var root = new JsonObject
        {
            ["annotations"] = new JsonObject { ["list"] = Annotations(dashboard) },
            ["description"] = dashboard.Description,
            ["editable"] = true,
            ["fiscalYearStartMonth"] = 0,
            // Shared crosshair: hovering one graph shows the same instant on all of them.
            ["graphTooltip"] = 1,
            ["links"] = new JsonArray(),
            ["panels"] = Panels(dashboard),
            ["refresh"] = "5s",
            ["schemaVersion"] = SchemaVersion,
            ["tags"] = new JsonArray("cutover", options.ServiceName),
            ["templating"] = new JsonObject { ["list"] = Variables(options, needsControlPlane) },
            ["time"] = new JsonObject { ["from"] = "now-30m", ["to"] = "now" },
            ["timepicker"] = new JsonObject(),
            ["timezone"] = "browser",
            ["title"] = dashboard.Title,
            ["uid"] = Uid(options.ServiceName, dashboard.Name),
            ["version"] = 1,
        };
        return root.ToJsonString(Indented);
    }

    private static JsonArray Variables(GrafanaOptions options, bool needsControlPlane)
    {
        var query = $"label_values({GoldenSignalSeries.Requests}{{job=\"{GoldenSignalSeries.Job}\"}}, version)";
        var variables = new JsonArray
        {
            DataSourceVariable(PrometheusVariable, "Prometheus", "prometheus"),
            new JsonObject
            {
                ["name"] = VersionVariable,
                ["label"] = "Version",
                ["type"] = "query",
                ["datasource"] = Prometheus(),
                ["definition"] = query,
                ["query"] = query,
                // Refresh on time range change, so a version deployed a minute ago is offered.
                ["refresh"] = 2,
                ["multi"] = true,
                ["includeAll"] = true,
                ["current"] = new JsonObject { ["selected"] = true, ["text"] = new JsonArray("All"), ["value"] = new JsonArray("$__all") },
                ["options"] = new JsonArray(),
                ["regex"] = string.Empty,
                ["sort"] = 1,
                ["hide"] = 0,
            },
        };
        if (needsControlPlane)
        {
            var url = options.ControlPlaneUrl.GetLeftPart(UriPartial.Authority);
            variables.Add(DataSourceVariable(InfinityVariable, "Cutover control plane (Infinity)", InfinityPluginId));
            variables.Add(new JsonObject
            {
                ["name"] = ControlPlaneVariable,
                ["label"] = "Control plane URL",
                ["type"] = "textbox",
                ["query"] = url,
                ["current"] = new JsonObject { ["text"] = url, ["value"] = url },
                ["options"] = new JsonArray(new JsonObject { ["selected"] = true, ["text"] = url, ["value"] = url }),
                ["hide"] = 0,
            });
        }

        return variables;
    }

    private static JsonObject DataSourceVariable(string name, string label, string pluginId) => new()
    {
        ["name"] = name,
        ["label"] = label,
        ["type"] = "datasource",
        ["query"] = pluginId,
        ["current"] = new JsonObject(),
        ["options"] = new JsonArray(),
        ["refresh"] = 1,
        ["regex"] = string.Empty,
        ["hide"] = 0,
    };

    private static JsonArray Annotations(DashboardSpec dashboard)
    {
        var annotations = new JsonArray
        {
            // Grafana's own annotations and alerts, which every dashboard carries.
            new JsonObject
            {
                ["builtIn"] = 1,
                ["datasource"] = new JsonObject { ["type"] = "grafana", ["uid"] = "-- Grafana --" },
                ["enable"] = true,
                ["hide"] = true,
                ["iconColor"] = "rgba(0, 211, 255, 1)",
                ["name"] = "Annotations & Alerts",
                ["type"] = "dashboard",
            },
        };
        if (!dashboard.ReleaseMarkers)
        {
            return annotations;
        }

        // The audit trail has every event of every release; the filter keeps the release events, and the column
        // names are the ones Grafana maps to an annotation's time, title, text and tags.
        var target = ControlPlaneQuery(
            "Releases",
            ReleaseMarkerEvents.AuditPath,
            [("at", "time", "timestamp"), ("event", "title", "string"), ("detail", "text", "string"), ("releaseId", "tags", "string")],
            $"title IN ({Quoted(ReleaseMarkerEvents.All)})");
        target["url_options"]!["params"] = new JsonArray(new JsonObject { ["key"] = "limit", ["value"] = "1000" });
        annotations.Add(new JsonObject
        {
            ["name"] = "Releases",
            ["datasource"] = Infinity(),
            ["enable"] = true,
            ["hide"] = false,
            ["iconColor"] = "orange",
            ["target"] = target,
        });
        return annotations;
    }

    private static JsonArray Panels(DashboardSpec dashboard)
    {
        var panels = new JsonArray();
        var id = 0;
        var y = 0;
        foreach (var row in dashboard.Rows)
        {
            if (!string.IsNullOrWhiteSpace(row.Title))
            {
                panels.Add(new JsonObject
                {
                    ["id"] = ++id,
                    ["type"] = "row",
                    ["title"] = row.Title,
                    ["collapsed"] = false,
                    ["gridPos"] = GridPos(0, y, DashboardRow.GridWidth, 1),
                    ["panels"] = new JsonArray(),
                });
                y++;
            }

            var x = 0;
            var lineHeight = 0;
            var widths = row.LayoutWidths();
            for (var i = 0; i < row.Widgets.Count; i++)
            {
                var widget = row.Widgets[i];
                var width = Math.Clamp(widths[i], 1, DashboardRow.GridWidth);
                var height = widget is TextWidgetSpec ? TextHeight : SeriesHeight;
                if (x + width > DashboardRow.GridWidth)
                {
                    y += lineHeight;
                    x = 0;
                    lineHeight = 0;
                }

                var panel = Panel(widget);
                panel["id"] = ++id;
                panel["gridPos"] = GridPos(x, y, width, height);
                panels.Add(panel);
                x += width;
                lineHeight = Math.Max(lineHeight, height);
            }

            y += lineHeight;
        }

        return panels;
    }

    private static JsonObject Panel(WidgetSpec widget) => widget switch
    {
        TimeSeriesWidgetSpec series => TimeSeries(series),
        AlarmStatusWidgetSpec alarms => AlarmTable(alarms),
        TextWidgetSpec text => Text(text.Title, text.Markdown),
        _ => throw new ArgumentOutOfRangeException(nameof(widget), widget, "unknown widget"),
    };

    private static JsonObject TimeSeries(TimeSeriesWidgetSpec widget)
    {
        var targets = new JsonArray();
        var notInPrometheus = new List<string>();
        foreach (var metric in widget.Metrics)
        {
            var expr = Expression(metric, widget.PerVersion);
            if (expr is null)
            {
                notInPrometheus.Add(metric.Label ?? Describe(metric));
                continue;
            }

            targets.Add(new JsonObject
            {
                ["refId"] = RefId(targets.Count),
                ["datasource"] = Prometheus(),
                ["editorMode"] = "code",
                ["expr"] = expr,
                ["legendFormat"] = Legend(metric, widget.PerVersion),
                ["range"] = true,
            });
        }

        if (targets.Count == 0)
        {
            return Text(widget.Title, $"**{string.Join(", ", notInPrometheus)}**: counted by the control plane, not in Prometheus. See `cutover status`.");
        }

        var description = new List<string>();
        if (widget.PerVersion)
        {
            description.Add("One line per version.");
        }

        if (widget.Metrics.Any(m => m is BuiltInDashboardMetric))
        {
            description.Add("Built-in metrics use the alarms' queries over Grafana's rate interval.");
        }

        if (widget.Optional)
        {
            description.Add("Shows no data for a service that does not report this metric (instrument it with Cutover.Telemetry).");
        }

        if (notInPrometheus.Count > 0)
        {
            description.Add($"Not shown: {string.Join(", ", notInPrometheus)} (counted by the control plane, not in Prometheus).");
        }

        return new JsonObject
        {
            ["type"] = "timeseries",
            ["title"] = widget.Title,
            ["description"] = string.Join(' ', description),
            ["datasource"] = Prometheus(),
            ["fieldConfig"] = new JsonObject
            {
                ["defaults"] = new JsonObject
                {
                    ["unit"] = Unit(widget.Unit),
                    ["min"] = 0,
                    ["color"] = new JsonObject { ["mode"] = "palette-classic" },
                    ["custom"] = new JsonObject
                    {
                        ["drawStyle"] = "line",
                        ["lineWidth"] = 1,
                        ["fillOpacity"] = 10,
                        ["showPoints"] = "never",
                        ["spanNulls"] = false,
                    },
                },
                ["overrides"] = new JsonArray(),
            },
            ["options"] = new JsonObject
            {
                ["legend"] = new JsonObject { ["displayMode"] = "list", ["placement"] = "bottom", ["showLegend"] = true, ["calcs"] = new JsonArray() },
                ["tooltip"] = new JsonObject { ["mode"] = "multi", ["sort"] = "desc" },
            },
            ["targets"] = targets,
        };
    }

    private static JsonObject AlarmTable(AlarmStatusWidgetSpec widget)
    {
        var filter = $"version IN (${{{VersionVariable}:singlequote}})";
        if (widget.Alarms is { } alarms)
        {
            filter += $" && alarm IN ({Quoted(alarms)})";
        }

        var target = ControlPlaneQuery(
            "A",
            ReleaseMarkerEvents.AlarmsPath,
            [("alarm", "alarm", "string"), ("scope", "version", "string"), ("state", "state", "string"), ("severity", "severity", "string"), ("since", "since", "timestamp"), ("reason", "reason", "string")],
            filter);
        var states = new JsonObject
        {
            ["OK"] = new JsonObject { ["color"] = "green", ["index"] = 0 },
            ["ALARM"] = new JsonObject { ["color"] = "red", ["index"] = 1 },
            ["INSUFFICIENT_DATA"] = new JsonObject { ["color"] = "text", ["index"] = 2 },
        };
        return new JsonObject
        {
            ["type"] = "table",
            ["title"] = widget.Title,
            ["description"] = "Alarm states per version, from the Cutover control plane.",
            ["datasource"] = Infinity(),
            ["fieldConfig"] = new JsonObject
            {
                ["defaults"] = new JsonObject
                {
                    ["custom"] = new JsonObject { ["align"] = "auto", ["cellOptions"] = new JsonObject { ["type"] = "auto" } },
                    ["mappings"] = new JsonArray(new JsonObject { ["type"] = "value", ["options"] = states }),
                },
                ["overrides"] = new JsonArray(new JsonObject
                {
                    ["matcher"] = new JsonObject { ["id"] = "byName", ["options"] = "state" },
                    ["properties"] = new JsonArray(new JsonObject { ["id"] = "custom.cellOptions", ["value"] = new JsonObject { ["type"] = "color-background" } }),
                }),
            },
            ["options"] = new JsonObject { ["showHeader"] = true, ["cellHeight"] = "sm" },
            ["targets"] = new JsonArray(target),
        };
    }

    private static JsonObject Text(string title, string markdown) => new()
    {
        ["type"] = "text",
        ["title"] = title,
        ["options"] = new JsonObject { ["mode"] = "markdown", ["content"] = markdown },
    };

    /// <summary>An Infinity query of a control plane endpoint, parsed by the backend parser so the filter applies.</summary>
    private static JsonObject ControlPlaneQuery(string refId, string path, (string Selector, string Text, string Type)[] columns, string filter)
    {
        var columnArray = new JsonArray();
        foreach (var (selector, text, type) in columns)
        {
            columnArray.Add(new JsonObject { ["selector"] = selector, ["text"] = text, ["type"] = type });
        }

        return new JsonObject
        {
            ["refId"] = refId,
            ["datasource"] = Infinity(),
            ["type"] = "json",
            ["source"] = "url",
            ["parser"] = "backend",
            ["format"] = "table",
            ["url"] = $"${{{ControlPlaneVariable}}}{path}",
            ["url_options"] = new JsonObject { ["method"] = "GET", ["data"] = string.Empty },
            ["root_selector"] = string.Empty,
            ["columns"] = columnArray,
            ["filterExpression"] = filter,
        };
    }

    private static string? Expression(DashboardMetric metric, bool perVersion) => metric switch
    {
        BuiltInDashboardMetric builtIn => PromQlBuilder.Template(builtIn.Metric, builtIn.Statistic, perVersion)?.Replace(PromQlBuilder.WindowVariable, RateInterval, StringComparison.Ordinal),
        PromQlDashboardMetric promQl => promQl.Query.Replace(PromQlBuilder.WindowVariable, RateInterval, StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    private static string Legend(DashboardMetric metric, bool perVersion)
    {
        var label = metric.Label ?? (metric is BuiltInDashboardMetric ? Describe(metric) : null);
        return (perVersion, label) switch
        {
            (true, null) => "{{version}}",
            (true, _) => "{{version}} " + label,
            (false, null) => "__auto",
            _ => label,
        };
    }

    private static string Describe(DashboardMetric metric) => metric switch
    {
        BuiltInDashboardMetric builtIn => $"{BuiltInMetricNames.Of(builtIn.Metric)} {builtIn.Statistic}",
        _ => "promql",
    };

    private static string Unit(DashboardUnit unit) => unit switch
    {
        DashboardUnit.PerSecond => "reqps",
        DashboardUnit.Share => "percentunit",
        DashboardUnit.Seconds => "s",
        DashboardUnit.Bytes => "bytes",
        _ => "short",
    };

    /// <summary>A, B, … Z, then AA, AB, …: Grafana's own refId sequence.</summary>
    private static string RefId(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : RefId((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Values for an Infinity filter's IN list: single-quoted, a quote inside escaped.</summary>
    private static string Quoted(IEnumerable<string> values) =>
        string.Join(", ", values.Select(v => "'" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"));

    /// <summary>A stable uid from the service and dashboard names, shortened with a hash past Grafana's 40 characters.</summary>
    internal static string Uid(string serviceName, string dashboardName)
    {
        var uid = $"cutover-{serviceName}-{dashboardName}";
        if (uid.Length <= MaxUidLength)
        {
            return uid;
        }

        // FNV-1a: string.GetHashCode differs between runs, and an export must give the same uid every time.
        var hash = 2166136261u;
        foreach (var c in uid)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return $"{uid[..(MaxUidLength - 9)]}-{hash:x8}";
    }

    private static JsonObject GridPos(int x, int y, int w, int h) => new() { ["h"] = h, ["w"] = w, ["x"] = x, ["y"] = y };

    private static JsonObject Prometheus() => new() { ["type"] = "prometheus", ["uid"] = $"${{{PrometheusVariable}}}" };

    private static JsonObject Infinity() => new() { ["type"] = InfinityPluginId, ["uid"] = $"${{{InfinityVariable}}}" };
}
