using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cutover.Core.Dashboards;

/// <summary>
/// Renders a dashboard as Cutover's neutral JSON (schema <c>cutover.dashboard/v1</c>): the model as data, for the local
/// web dashboard and any other renderer that is not written in .NET. Pure: it builds text and touches nothing.
/// </summary>
/// <remarks>
/// Widths are already laid out (<see cref="DashboardRow.LayoutWidths"/>). Each built-in metric carries its manifest
/// name and statistic, for a CloudWatch renderer, and <c>promql</c>: the alarms' query grouped by version with
/// <c>$version</c> (a regular expression of the versions shown) and <c>$window</c> (the rate window) left to fill in.
/// </remarks>
public static class DashboardJsonRenderer
{
    /// <summary>The schema name written in every document; a breaking change gets a new version.</summary>
    public const string Schema = "cutover.dashboard/v1";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Readable PromQL in the file: quotes as \" rather than \u0022. The JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The dashboard as neutral JSON.</summary>
    /// <param name="dashboard">The dashboard.</param>
    /// <param name="serviceName">The service whose metrics it shows.</param>
    public static string Render(DashboardSpec dashboard, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(serviceName);
        var rows = new JsonArray();
        foreach (var row in dashboard.Rows)
        {
            var widths = row.LayoutWidths();
            var widgets = new JsonArray();
            for (var i = 0; i < row.Widgets.Count; i++)
            {
                widgets.Add(Widget(row.Widgets[i], widths[i]));
            }

            rows.Add(new JsonObject { ["title"] = row.Title, ["widgets"] = widgets });
        }

        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["service"] = serviceName,
            ["name"] = dashboard.Name,
            ["title"] = dashboard.Title,
            ["description"] = dashboard.Description,
            ["releaseMarkers"] = new JsonObject
            {
                ["enabled"] = dashboard.ReleaseMarkers,
                ["source"] = ReleaseMarkerEvents.AuditPath,
                ["events"] = Strings(dashboard.ReleaseMarkers ? ReleaseMarkerEvents.All : []),
            },
            ["rows"] = rows,
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject Widget(WidgetSpec widget, int width)
    {
        var json = new JsonObject
        {
            ["type"] = widget switch
            {
                TimeSeriesWidgetSpec => "timeSeries",
                AlarmStatusWidgetSpec => "alarmStatus",
                TextWidgetSpec => "text",
                _ => throw new ArgumentOutOfRangeException(nameof(widget), widget, "unknown widget"),
            },
            ["title"] = widget.Title,
            ["width"] = width,
        };
        switch (widget)
        {
            case TimeSeriesWidgetSpec series:
                json["unit"] = DashboardUnits.Name(series.Unit);
                json["perVersion"] = series.PerVersion;
                json["optional"] = series.Optional;
                json["metrics"] = new JsonArray([.. series.Metrics.Select(m => Metric(m, series.PerVersion))]);
                break;
            case AlarmStatusWidgetSpec alarms:
                json["source"] = ReleaseMarkerEvents.AlarmsPath;
                json["alarms"] = alarms.Alarms is null ? null : Strings(alarms.Alarms);
                break;
            case TextWidgetSpec text:
                json["markdown"] = text.Markdown;
                break;
        }

        return json;
    }

    private static JsonObject Metric(DashboardMetric metric, bool perVersion) => metric switch
    {
        BuiltInDashboardMetric builtIn => new JsonObject
        {
            ["kind"] = "builtIn",
            ["metric"] = BuiltInMetricNames.Of(builtIn.Metric),
            ["statistic"] = builtIn.Statistic.ToString(),
            ["label"] = builtIn.Label,
            ["promql"] = PromQlBuilder.Template(builtIn.Metric, builtIn.Statistic, perVersion),
        },
        PromQlDashboardMetric promQl => new JsonObject
        {
            ["kind"] = "promql",
            ["label"] = promQl.Label,
            ["promql"] = promQl.Query,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
