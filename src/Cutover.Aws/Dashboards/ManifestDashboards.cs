using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Cutover.Aws.Alarms;
using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using Constructs;

namespace Cutover.Aws.Dashboards;

/// <summary>
/// The manifest's dashboards (<c>dashboards:</c>, or the golden-signals default) as CloudWatch dashboards, one per
/// dashboard and region, laid out row by row as locally (<see cref="DashboardRow.LayoutWidths"/>). A per-version series
/// becomes one line per target group (blue and green, the two sides of a release). What CloudWatch cannot draw is
/// said, not hidden: optional PromQL series are left out with a note on the dashboard; the manifest loader refuses
/// required ones.
/// </summary>
internal static class ManifestDashboards
{
    private static readonly Duration Period = Duration.Minutes(1);

    /// <summary>Adds one CloudWatch dashboard named <c>{prefix}-{region}-{dashboard}</c> to <paramref name="scope"/>.</summary>
    public static Dashboard Add(Construct scope, string prefix, string region, DashboardSpec spec, ServiceMetrics metrics, IReadOnlyList<(string Manifest, Alarm Alarm)> alarms)
    {
        var dashboard = new Dashboard(scope, $"ManifestDashboard-{spec.Name}", new DashboardProps
        {
            DashboardName = $"{prefix}-{region}-{spec.Name}",
            DefaultInterval = Duration.Hours(3),
        });
        var left = new List<string>();
        var heading = $"# {spec.Title}\n{spec.Description ?? string.Empty}\nFrom cutover.yaml (`dashboards: {spec.Name}`); blue and green are the two target groups a release moves traffic between.";
        dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = heading.TrimEnd(), Width = DashboardRow.GridWidth, Height = 2 }));
        foreach (var row in spec.Rows)
        {
            if (row.Title is { Length: > 0 } title)
            {
                dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = $"## {title}", Width = DashboardRow.GridWidth, Height = 1 }));
            }

            var widths = row.LayoutWidths();
            var widgets = new List<IWidget>();
            for (var i = 0; i < row.Widgets.Count; i++)
            {
                if (Widget(row.Widgets[i], widths[i], metrics, alarms) is { } widget)
                {
                    widgets.Add(widget);
                }
                else
                {
                    left.Add(row.Widgets[i].Title);
                }
            }

            if (widgets.Count > 0)
            {
                dashboard.AddWidgets([.. widgets]);
            }
        }

        if (left.Count > 0)
        {
            dashboard.AddWidgets(new TextWidget(new TextWidgetProps
            {
                Markdown = $"Not on CloudWatch (PromQL, local target only): {string.Join(", ", left)}.",
                Width = DashboardRow.GridWidth,
                Height = 1,
            }));
        }

        return dashboard;
    }

    private static IWidget? Widget(WidgetSpec spec, int width, ServiceMetrics metrics, IReadOnlyList<(string Manifest, Alarm Alarm)> alarms) => spec switch
    {
        TextWidgetSpec text => new TextWidget(new TextWidgetProps { Markdown = text.Markdown, Width = width, Height = 4 }),
        AlarmStatusWidgetSpec status => new AlarmStatusWidget(new AlarmStatusWidgetProps
        {
            Title = spec.Title,
            Alarms = [.. alarms.Where(a => status.Alarms is null || status.Alarms.Contains(a.Manifest)).OrderBy(a => status.Alarms?.ToList().IndexOf(a.Manifest) ?? 0).Select(a => (IAlarm)a.Alarm)],
            Width = width,
            Height = 6,
        }),
        TimeSeriesWidgetSpec series => Graph(series, width, metrics),
        _ => throw new InvalidOperationException($"no CloudWatch widget for {spec.GetType().Name}"),
    };

    private static GraphWidget? Graph(TimeSeriesWidgetSpec spec, int width, ServiceMetrics metrics)
    {
        if (spec.Metrics.Any(m => m is PromQlDashboardMetric))
        {
            // The loader refuses a required PromQL series; an optional one is left out and listed on the dashboard.
            return null;
        }

        var lines = new List<IMetric>();
        foreach (var (metric, index) in spec.Metrics.Cast<BuiltInDashboardMetric>().Select((m, i) => (m, i)))
        {
            var label = metric.Label ?? metric.Metric.ToString();
            var groups = spec.PerVersion && AlarmCompiler.HasTargetGroup(metric.Metric) ? metrics.TargetGroups.Select(tg => (TargetGroupMetrics?)tg) : [null];
            foreach (var tg in groups)
            {
                var name = tg is null ? label : $"{label} {tg.Name}";
                lines.Add(Line(metric, spec.Unit, metrics, tg, name, $"m{index}_{tg?.Name ?? "service"}"));
            }
        }

        return new GraphWidget(new GraphWidgetProps
        {
            Title = spec.Title,
            Left = [.. lines],
            LeftYAxis = new YAxisProps { Label = Unit(spec.Unit, spec.Metrics.Cast<BuiltInDashboardMetric>().First().Metric), ShowUnits = false },
            Width = width,
            Height = 6,
        });
    }

    private static IMetric Line(BuiltInDashboardMetric metric, DashboardUnit unit, ServiceMetrics metrics, TargetGroupMetrics? tg, string label, string id)
    {
        if (unit == DashboardUnit.PerSecond && metric.Metric is BuiltInMetric.Requests or BuiltInMetric.Errors5xx)
        {
            // The ALB publishes counts per minute: a rate per second is the period's sum over the period's seconds.
            return new MathExpression(new MathExpressionProps
            {
                Expression = $"{id} / PERIOD({id})",
                UsingMetrics = new Dictionary<string, IMetric> { [id] = AlarmCompiler.Metric(metric.Metric, AlarmStatistic.Sum, metrics, tg, Period) },
                Label = label,
                Period = Period,
            });
        }

        if (metric.Metric == BuiltInMetric.ErrorRate)
        {
            // A fraction, as the local dashboard draws it; the id keeps each line's inputs apart in the graph.
            return AlarmCompiler.ErrorRate(metrics, tg, Period, percent: false, label, idSuffix: id);
        }

        var plain = AlarmCompiler.Metric(metric.Metric, metric.Statistic, metrics, tg, Period);
        return plain is Metric single ? single.With(new MetricOptions { Label = label }) : plain;
    }

    private static string Unit(DashboardUnit unit, BuiltInMetric first) => unit switch
    {
        DashboardUnit.PerSecond => "per second",
        DashboardUnit.Seconds => "seconds",
        // ECS reports memory in percent; the error rate above is a fraction.
        DashboardUnit.Share when first == BuiltInMetric.MemoryUtilization => "percent",
        DashboardUnit.Share => "fraction",
        _ => "count",
    };
}
