using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestDashboardsTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    // Lines 8-13; a test's widget fields follow from line 14, indented 14 spaces (column 15).
    private const string OneWidget = Minimal + """
        dashboards:
          custom:
            - name: checkout
              rows:
                - widgets:
                    - title: w

        """;

    [Fact]
    public void Parse_NoDashboardsSection_GetsTheGoldenSignals()
    {
        var manifest = Valid(Minimal);

        manifest.Dashboards.ShouldBe(new DashboardsSpec());
        manifest.Dashboards.Effective("sample").ShouldBe([DefaultDashboards.GoldenSignals("sample")]);
    }

    [Fact]
    public void Parse_DashboardsExample_ReadsEveryField()
    {
        var manifest = Valid(Minimal + """
            dashboards:
              useDefaults: true
              custom:
                - name: checkout
                  title: Checkout
                  description: Orders per version.
                  releaseMarkers: false
                  rows:
                    - title: Orders
                      widgets:
                        - title: Latency
                          metrics:
                            - { metric: latency, statistic: p50, label: median }
                            - { metric: latency }
                          width: 16
                        - metric: errorRate
                          unit: share
                          perVersion: false
                    - widgets:
                        - title: Queue
                          promql: 'sum by (version) (queue_depth{version=~"$version"})'
                        - alarms: [error-rate, latency-p99]
                        - alarms: all
                        - text: "Runbook: https://wiki.example.com/checkout"
            """);

        var checkout = new DashboardSpec
        {
            Name = "checkout",
            Title = "Checkout",
            Description = "Orders per version.",
            ReleaseMarkers = false,
            Rows =
            [
                new DashboardRow
                {
                    Title = "Orders",
                    Widgets =
                    [
                        new TimeSeriesWidgetSpec
                        {
                            Title = "Latency",
                            Width = 16,
                            Unit = DashboardUnit.Seconds,
                            Metrics =
                            [
                                new BuiltInDashboardMetric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(50)) { Label = "median" },
                                new BuiltInDashboardMetric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99)),
                            ],
                        },
                        new TimeSeriesWidgetSpec
                        {
                            Title = "errorRate Average",
                            Unit = DashboardUnit.Share,
                            PerVersion = false,
                            Metrics = [new BuiltInDashboardMetric(BuiltInMetric.ErrorRate, AlarmStatistic.Average)],
                        },
                    ],
                },
                new DashboardRow
                {
                    Widgets =
                    [
                        new TimeSeriesWidgetSpec { Title = "Queue", Metrics = [new PromQlDashboardMetric("sum by (version) (queue_depth{version=~\"$version\"})")] },
                        new AlarmStatusWidgetSpec { Title = "Alarms", Alarms = ["error-rate", "latency-p99"] },
                        new AlarmStatusWidgetSpec { Title = "Alarms" },
                        new TextWidgetSpec("Runbook: https://wiki.example.com/checkout"),
                    ],
                },
            ],
        };
        manifest.Dashboards.ShouldBe(new DashboardsSpec { Custom = [checkout] });
        manifest.Dashboards.Effective("sample").Select(d => d.Name).ShouldBe(["golden-signals", "checkout"]);
    }

    [Fact]
    public void Parse_CustomNamedLikeTheDefault_ReplacesIt()
    {
        var manifest = Valid(Minimal + """
            dashboards:
              custom:
                - name: golden-signals
                  rows: [{ widgets: [{ metric: requests }] }]
            """);

        var effective = manifest.Dashboards.Effective("sample").ShouldHaveSingleItem();
        effective.Title.ShouldBe("golden-signals");
        effective.Widgets.ShouldHaveSingleItem().ShouldBeOfType<TimeSeriesWidgetSpec>().Unit.ShouldBe(DashboardUnit.Count);
    }

    [Fact]
    public void Parse_UseDefaultsFalse_LeavesOnlyTheCustomDashboards()
    {
        var manifest = Valid(Minimal + "dashboards:\n  useDefaults: false\n");

        manifest.Dashboards.Effective("sample").ShouldBeEmpty();
    }

    [Fact]
    public void Parse_UnknownWidgetField_SuggestsTheClosestAtItsLine()
    {
        var error = SingleError(Widget("metric: errorRate", "widht: 12"));

        error.ShouldBe(new ManifestError(File, 15, 15, "dashboards.custom[0].rows[0].widgets[0].widht", "unknown field \"widht\"", "did you mean \"width\"?"));
    }

    [Fact]
    public void Parse_UnknownDashboardsField_SuggestsTheClosest()
    {
        var error = SingleError(Minimal + "dashboards:\n  usedefaults: false\n");

        error.ShouldBe(new ManifestError(File, 9, 3, "dashboards.usedefaults", "unknown field \"usedefaults\"", "did you mean \"useDefaults\"?"));
    }

    [Theory]
    [InlineData("metric: errorRat", 23, "metric", "unknown metric \"errorRat\"", "did you mean \"errorRate\"? (allowed: requests or errors5xx or errorRate or latency or memoryUtilization or unhealthyInstances or restarts)")]
    [InlineData("unit: second", 21, "unit", "unknown unit \"second\"", "did you mean \"seconds\"? (allowed: count or perSecond or share or seconds or bytes)")]
    [InlineData("width: 30", 22, "width", "width 30 is outside 1-24", "use a whole number from 1 to 24")]
    public void Parse_BadWidgetValue_PointsAtTheValueWithAFix(string line, int column, string field, string problem, string fix)
    {
        var lines = line.StartsWith("metric:", StringComparison.Ordinal) ? new[] { line } : ["metric: latency", line];
        var error = SingleError(Widget(lines));

        error.ShouldBe(new ManifestError(File, 13 + lines.Length, column, $"dashboards.custom[0].rows[0].widgets[0].{field}", problem, fix));
    }

    [Fact]
    public void Parse_PercentileOfErrorRate_IsRefusedAsInAlarms()
    {
        var error = SingleError(Widget("metric: errorRate", "statistic: p99"));

        error.Line.ShouldBe(15);
        error.Field.ShouldBe("dashboards.custom[0].rows[0].widgets[0].statistic");
        error.Problem.ShouldBe("percentile p99 does not apply to errorRate, which has one value per period rather than one per request");
    }

    [Fact]
    public void Parse_WidgetWithMetricAndText_ReportsTheSecond()
    {
        var error = SingleError(Widget("metric: requests", "text: hello"));

        error.ShouldBe(new ManifestError(
            File,
            15,
            15,
            "dashboards.custom[0].rows[0].widgets[0].text",
            "text is set as well as metric; a widget has exactly one of metric, metrics, promql, alarms and text",
            "keep one of them, or put the other in a widget of its own: delete text or metric"));
    }

    [Fact]
    public void Parse_WidgetThatShowsNothing_SaysWhatToAdd()
    {
        var error = SingleError(OneWidget);

        error.Line.ShouldBe(13);
        error.Field.ShouldBe("dashboards.custom[0].rows[0].widgets[0].metric");
        error.Problem.ShouldBe("the widget shows nothing");
        error.Fix.ShouldStartWith("add metric (a built-in such as errorRate), metrics");
    }

    [Fact]
    public void Parse_UnknownAlarm_SuggestsTheDefaultAlarm()
    {
        var error = SingleError(Widget("alarms: [error-rate, latency-p90]"));

        error.ShouldBe(new ManifestError(File, 14, 36, "dashboards.custom[0].rows[0].widgets[0].alarms[1]", "unknown alarm \"latency-p90\"", "did you mean \"latency-p99\"?"));
    }

    [Fact]
    public void Parse_AlarmOfTheManifest_IsKnown()
    {
        var manifest = Valid(Minimal + """
            alarms:
              useDefaults: false
              rules:
                - { name: checkout-errors, metric: errorRate, comparison: GreaterThanThreshold, threshold: 0.02 }
            dashboards:
              custom:
                - name: checkout
                  rows: [{ widgets: [{ alarms: [checkout-errors] }] }]
            """);

        manifest.Dashboards.Custom.ShouldHaveSingleItem().Widgets.ShouldHaveSingleItem()
            .ShouldBeOfType<AlarmStatusWidgetSpec>().Alarms.ShouldBe(["checkout-errors"]);
    }

    [Fact]
    public void Parse_ExactMatchOnVersionInPromQl_PointsAtTheMatcher()
    {
        var error = SingleError(Widget("promql: 'sum(queue_depth{version=\"$version\"})'"));

        error.ShouldBe(new ManifestError(
            File,
            14,
            47,
            "dashboards.custom[0].rows[0].widgets[0].promql",
            "version=\"$version\" matches nothing when several versions are shown: $version is a regular expression such as v1|v2",
            "write version=~\"$version\""));
    }

    [Fact]
    public void Parse_StatisticOnAPromQlItem_IsAnError()
    {
        var error = SingleError(Widget("metrics:", "  - { promql: up, statistic: Sum }"));

        error.Line.ShouldBe(15);
        error.Field.ShouldBe("dashboards.custom[0].rows[0].widgets[0].metrics[0].statistic");
        error.Problem.ShouldBe("statistic does not apply to promql");
    }

    [Fact]
    public void Parse_UnitOnText_IsAnError()
    {
        var error = SingleError(Widget("text: hello", "unit: seconds"));

        error.ShouldBe(new ManifestError(File, 15, 15, "dashboards.custom[0].rows[0].widgets[0].unit", "unit applies to graphs (metric, metrics, promql), not to text", "delete unit"));
    }

    [Fact]
    public void Parse_DuplicateDashboardName_NamesTheFirstLine()
    {
        var error = SingleError(Minimal + """
            dashboards:
              custom:
                - name: checkout
                  rows: [{ widgets: [{ metric: requests }] }]
                - name: checkout
                  rows: [{ widgets: [{ metric: requests }] }]
            """);

        error.ShouldBe(new ManifestError(
            File,
            12,
            13,
            "dashboards.custom[1].name",
            "dashboard name \"checkout\" is used twice (first on line 10)",
            "give each dashboard its own name; to replace a default dashboard, use its name once"));
    }

    [Fact]
    public void Parse_DashboardWithoutRowsOrName_ReportsBothAtTheDashboard()
    {
        var result = ManifestParser.Parse(Minimal + "dashboards:\n  custom:\n    - title: Checkout\n", File);

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (10, "dashboards.custom[0].name", "required field \"name\" is missing"),
            (10, "dashboards.custom[0].rows", "required field \"rows\" is missing"),
        ]);
    }

    [Fact]
    public void Parse_EmptyRowsAndWidgets_AreErrors()
    {
        var result = ManifestParser.Parse(Minimal + """
            dashboards:
              custom:
                - name: a
                  rows: []
                - name: b
                  rows: [{ widgets: [] }]
            """, File);

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (11, "dashboards.custom[0].rows", "the dashboard has no rows"),
            (13, "dashboards.custom[1].rows[0].widgets", "the row has no widgets"),
        ]);
    }

    private static string Widget(params string[] lines) => OneWidget + string.Concat(lines.Select(l => new string(' ', 14) + l + "\n"));

    private static ServiceManifest Valid(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        return result.Manifest;
    }

    private static ManifestError SingleError(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Manifest.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors));
    }
}
