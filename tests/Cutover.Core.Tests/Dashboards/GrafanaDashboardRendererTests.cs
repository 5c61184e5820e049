using System.Text.Json;
using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class GrafanaDashboardRendererTests
{
    private static readonly GrafanaOptions Options = new() { ServiceName = "checkout", ControlPlaneUrl = new Uri("http://127.0.0.1:7411/") };

    [Fact]
    public void Render_GoldenSignals_IsADashboardGrafanaReads()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var root = json.RootElement;

        root.GetProperty("schemaVersion").GetInt32().ShouldBe(39);
        root.GetProperty("title").GetString().ShouldBe("checkout: golden signals");
        root.GetProperty("uid").GetString().ShouldBe("cutover-checkout-golden-signals");
        root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["cutover", "checkout"]);
        root.GetProperty("panels").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Render_GoldenSignals_HasTheDataSourceVersionAndControlPlaneVariables()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var variables = json.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

        variables.Keys.ShouldBe(["DS_PROMETHEUS", "version", "DS_INFINITY", "cutover_url"]);
        variables["DS_PROMETHEUS"].GetProperty("type").GetString().ShouldBe("datasource");
        variables["DS_PROMETHEUS"].GetProperty("query").GetString().ShouldBe("prometheus");
        var version = variables["version"];
        version.GetProperty("type").GetString().ShouldBe("query");
        version.GetProperty("query").GetString().ShouldBe("label_values(cutover_lb_requests_total{job=\"signals\"}, version)");
        version.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${DS_PROMETHEUS}");
        version.GetProperty("multi").GetBoolean().ShouldBeTrue();
        version.GetProperty("includeAll").GetBoolean().ShouldBeTrue();
        variables["DS_INFINITY"].GetProperty("query").GetString().ShouldBe("yesoreyeram-infinity-datasource");
        variables["cutover_url"].GetProperty("query").GetString().ShouldBe("http://127.0.0.1:7411");
    }

    [Fact]
    public void Render_GoldenSignals_EveryGraphHasPrometheusTargetsWithAnExpression()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var graphs = Panels(json, "timeseries").ToList();

        graphs.Count.ShouldBe(7);
        foreach (var graph in graphs)
        {
            graph.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${DS_PROMETHEUS}");
            var targets = graph.GetProperty("targets").EnumerateArray().ToList();
            targets.ShouldNotBeEmpty();
            targets.ShouldAllBe(t => t.GetProperty("expr").GetString()!.Length > 0);
            targets.ShouldAllBe(t => t.GetProperty("datasource").GetProperty("uid").GetString() == "${DS_PROMETHEUS}");
            targets.ShouldAllBe(t => !t.GetProperty("expr").GetString()!.Contains("$window"));
            targets.Select(t => t.GetProperty("refId").GetString()).ShouldBeUnique();
        }
    }

    [Fact]
    public void Render_ErrorRateGraph_DrawsTheAlarmQueryPerVersionOverTheRateInterval()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var graph = Panels(json, "timeseries").Single(p => p.GetProperty("title").GetString() == "5xx error rate");
        var target = graph.GetProperty("targets").EnumerateArray().ShouldHaveSingleItem();

        target.GetProperty("expr").GetString().ShouldBe(
            PromQlBuilder.Template(BuiltInMetric.ErrorRate, AlarmStatistic.Average, perVersion: true)!.Replace("$window", "$__rate_interval", StringComparison.Ordinal));
        target.GetProperty("expr").GetString()!.ShouldContain("version=~\"$version\"");
        target.GetProperty("legendFormat").GetString().ShouldBe("{{version}} 5xx share");
        graph.GetProperty("fieldConfig").GetProperty("defaults").GetProperty("unit").GetString().ShouldBe("percentunit");
    }

    [Fact]
    public void Render_LatencyGraph_HasOneTargetPerPercentile()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var graph = Panels(json, "timeseries").Single(p => p.GetProperty("title").GetString()!.StartsWith("Latency", StringComparison.Ordinal));
        var targets = graph.GetProperty("targets").EnumerateArray().ToList();

        targets.Select(t => t.GetProperty("refId").GetString()).ShouldBe(["A", "B", "C"]);
        targets.Select(t => t.GetProperty("expr").GetString()![..26]).ShouldBe(["histogram_quantile(0.5, su", "histogram_quantile(0.9, su", "histogram_quantile(0.99, s"]);
        graph.GetProperty("fieldConfig").GetProperty("defaults").GetProperty("unit").GetString().ShouldBe("s");
    }

    [Fact]
    public void Render_ReleaseMarkers_AreAnInfinityAnnotationOverTheAuditTrail()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var annotations = json.RootElement.GetProperty("annotations").GetProperty("list").EnumerateArray().ToList();

        annotations.Count.ShouldBe(2);
        var releases = annotations[1];
        releases.GetProperty("name").GetString().ShouldBe("Releases");
        releases.GetProperty("enable").GetBoolean().ShouldBeTrue();
        releases.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${DS_INFINITY}");
        var target = releases.GetProperty("target");
        target.GetProperty("url").GetString().ShouldBe("${cutover_url}/api/v1/audit");
        target.GetProperty("parser").GetString().ShouldBe("backend");
        target.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("selector").GetString(), c.GetProperty("text").GetString()))
            .ShouldBe([("at", "time"), ("event", "title"), ("detail", "text"), ("releaseId", "tags")]);
        target.GetProperty("filterExpression").GetString().ShouldBe(
            "title IN ('release.started', 'traffic.shifted', 'approval.waiting', 'rollback.started', 'release.succeeded', 'release.rolled-back', 'release.failed')");
    }

    [Fact]
    public void Render_NoMarkersNorAlarms_NeedsNoControlPlane()
    {
        var dashboard = new DashboardSpec
        {
            Name = "plain",
            Title = "Plain",
            ReleaseMarkers = false,
            Rows = [new DashboardRow { Widgets = [new TimeSeriesWidgetSpec { Metrics = [new BuiltInDashboardMetric(BuiltInMetric.Requests, AlarmStatistic.Sum)] }] }],
        };

        using var json = Render(dashboard);

        json.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ShouldBe(["DS_PROMETHEUS", "version"]);
        json.RootElement.GetProperty("annotations").GetProperty("list").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Render_AlarmWidget_IsATableOfTheControlPlanesAlarmsFilteredByNameAndVersion()
    {
        var dashboard = new DashboardSpec
        {
            Name = "alarms",
            Title = "Alarms",
            Rows = [new DashboardRow { Widgets = [new AlarmStatusWidgetSpec { Title = "Alarms", Alarms = ["error-rate", "memory"] }] }],
        };

        using var json = Render(dashboard);
        var table = Panels(json, "table").ShouldHaveSingleItem();
        var target = table.GetProperty("targets").EnumerateArray().ShouldHaveSingleItem();

        table.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${DS_INFINITY}");
        target.GetProperty("url").GetString().ShouldBe("${cutover_url}/api/v1/alarms");
        target.GetProperty("filterExpression").GetString().ShouldBe("version IN (${version:singlequote}) && alarm IN ('error-rate', 'memory')");
    }

    [Fact]
    public void Render_PromQlWidget_ReplacesTheWindowWithTheRateInterval()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var cpu = Panels(json, "timeseries").Single(p => p.GetProperty("title").GetString()!.StartsWith("CPU", StringComparison.Ordinal));

        cpu.GetProperty("targets")[0].GetProperty("expr").GetString().ShouldBe(
            "sum by (version) (rate(cutover_instance_cpu_seconds_total{job=\"signals\",version=~\"$version\"}[$__rate_interval]))");
        cpu.GetProperty("description").GetString()!.ShouldContain("no data");
    }

    [Fact]
    public void Render_RestartsOnly_IsATextPanelSayingWhereTheyAre()
    {
        var dashboard = new DashboardSpec
        {
            Name = "crashes",
            Title = "Crashes",
            Rows = [new DashboardRow { Widgets = [new TimeSeriesWidgetSpec { Title = "Restarts", Metrics = [new BuiltInDashboardMetric(BuiltInMetric.Restarts, AlarmStatistic.Sum)] }] }],
        };

        using var json = Render(dashboard);

        Panels(json, "text").ShouldHaveSingleItem().GetProperty("options").GetProperty("content").GetString()!.ShouldContain("not in Prometheus");
    }

    [Fact]
    public void Render_GoldenSignals_PanelsHaveUniqueIdsAndDoNotOverlap()
    {
        using var json = Render(DefaultDashboards.GoldenSignals("checkout"));
        var panels = json.RootElement.GetProperty("panels").EnumerateArray().ToList();
        var boxes = panels.Select(p => p.GetProperty("gridPos")).Select(g => (X: g.GetProperty("x").GetInt32(), Y: g.GetProperty("y").GetInt32(), W: g.GetProperty("w").GetInt32(), H: g.GetProperty("h").GetInt32())).ToList();

        panels.Select(p => p.GetProperty("id").GetInt32()).ShouldBeUnique();
        boxes.ShouldAllBe(b => b.X >= 0 && b.W >= 1 && b.X + b.W <= 24);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                overlap.ShouldBeFalse($"panels {i} and {j} overlap");
            }
        }

        panels.Count(p => p.GetProperty("type").GetString() == "row").ShouldBe(5);
    }

    [Fact]
    public void Uid_LongNames_IsAtMost40CharactersAndTheSameEveryTime()
    {
        var uid = GrafanaDashboardRenderer.Uid("a-service-with-a-long-name", "a-dashboard-with-a-long-name");

        uid.Length.ShouldBe(40);
        uid.ShouldBe(GrafanaDashboardRenderer.Uid("a-service-with-a-long-name", "a-dashboard-with-a-long-name"));
        uid.ShouldNotBe(GrafanaDashboardRenderer.Uid("a-service-with-a-long-name", "a-dashboard-with-a-long-nam2"));
    }

    private static JsonDocument Render(DashboardSpec dashboard) => JsonDocument.Parse(GrafanaDashboardRenderer.Render(dashboard, Options));

    private static IEnumerable<JsonElement> Panels(JsonDocument json, string type) =>
        json.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() == type);
}
