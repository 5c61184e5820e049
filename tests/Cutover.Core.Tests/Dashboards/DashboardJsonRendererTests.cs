using System.Text.Json;
using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class DashboardJsonRendererTests
{
    [Fact]
    public void Render_GoldenSignals_WritesTheSchemaServiceAndMarkers()
    {
        using var json = JsonDocument.Parse(DashboardJsonRenderer.Render(DefaultDashboards.GoldenSignals("checkout"), "checkout"));
        var root = json.RootElement;

        root.GetProperty("schema").GetString().ShouldBe("cutover.dashboard/v1");
        root.GetProperty("service").GetString().ShouldBe("checkout");
        root.GetProperty("name").GetString().ShouldBe("golden-signals");
        root.GetProperty("releaseMarkers").GetProperty("enabled").GetBoolean().ShouldBeTrue();
        root.GetProperty("releaseMarkers").GetProperty("source").GetString().ShouldBe("/api/v1/audit");
        root.GetProperty("releaseMarkers").GetProperty("events").EnumerateArray().Select(e => e.GetString()).ShouldBe(ReleaseMarkerEvents.All);
        root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("title").GetString()).ShouldBe(["Traffic", "Errors", "Latency", "Saturation", "Instance health"]);
    }

    [Fact]
    public void Render_Widgets_CarryTheirTypeAndLaidOutWidth()
    {
        using var json = JsonDocument.Parse(DashboardJsonRenderer.Render(DefaultDashboards.GoldenSignals("checkout"), "checkout"));

        var widgets = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => string.Join(' ', r.GetProperty("widgets").EnumerateArray().Select(w => $"{w.GetProperty("type").GetString()}:{w.GetProperty("width").GetInt32()}")))
            .ToList();

        widgets.ShouldBe(["timeSeries:24", "timeSeries:12 timeSeries:12", "timeSeries:24", "timeSeries:12 timeSeries:12", "timeSeries:12 alarmStatus:12"]);
    }

    [Fact]
    public void Render_BuiltInMetric_CarriesItsManifestNameStatisticAndQuery()
    {
        var dashboard = new DashboardSpec
        {
            Name = "latency",
            Title = "Latency",
            Rows =
            [
                new DashboardRow
                {
                    Widgets =
                    [
                        new TimeSeriesWidgetSpec
                        {
                            Title = "p99",
                            Unit = DashboardUnit.Seconds,
                            Metrics = [new BuiltInDashboardMetric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99.9)) { Label = "slowest" }],
                        },
                        new AlarmStatusWidgetSpec { Title = "Alarms", Alarms = ["latency-p99"] },
                        new TextWidgetSpec("*runbook*"),
                    ],
                },
            ],
        };

        using var json = JsonDocument.Parse(DashboardJsonRenderer.Render(dashboard, "checkout"));
        var widgets = json.RootElement.GetProperty("rows")[0].GetProperty("widgets");
        var metric = widgets[0].GetProperty("metrics").EnumerateArray().ShouldHaveSingleItem();

        widgets[0].GetProperty("unit").GetString().ShouldBe("seconds");
        widgets[0].GetProperty("perVersion").GetBoolean().ShouldBeTrue();
        metric.GetProperty("kind").GetString().ShouldBe("builtIn");
        metric.GetProperty("metric").GetString().ShouldBe("latency");
        metric.GetProperty("statistic").GetString().ShouldBe("p99.9");
        metric.GetProperty("label").GetString().ShouldBe("slowest");
        metric.GetProperty("promql").GetString().ShouldBe(PromQlBuilder.Template(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(99.9), perVersion: true));
        widgets[1].GetProperty("alarms").EnumerateArray().Select(a => a.GetString()).ShouldBe(["latency-p99"]);
        widgets[1].GetProperty("source").GetString().ShouldBe("/api/v1/alarms");
        widgets[2].GetProperty("markdown").GetString().ShouldBe("*runbook*");
    }

    [Fact]
    public void Render_AllAlarms_WritesNullForTheList()
    {
        using var json = JsonDocument.Parse(DashboardJsonRenderer.Render(DefaultDashboards.GoldenSignals("checkout"), "checkout"));
        var alarms = json.RootElement.GetProperty("rows")[4].GetProperty("widgets")[1];

        alarms.GetProperty("type").GetString().ShouldBe("alarmStatus");
        alarms.GetProperty("alarms").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Render_PromQl_KeepsQuotesReadable()
    {
        var text = DashboardJsonRenderer.Render(DefaultDashboards.GoldenSignals("checkout"), "checkout");

        text.ShouldContain("version=~\\\"$version\\\"");
        text.ShouldNotContain("\\u0022");
    }
}
