using Amazon.CDK;
using Amazon.CDK.Assertions;
using Cutover.Aws.Alarms;
using Cutover.Aws.Dashboards;
using Cutover.Aws.Manifest;
using Cutover.Aws.Settings;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Alarms;
using Cutover.Core.Dashboards;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Dashboards;

public sealed class ManifestDashboardsTests
{
    private static ServiceMetrics Metrics => SampleMetrics.Dev;

    [Fact]
    public void Synthesize_Prod_GivesEachRegionTheGoldenSignalsFromTheManifestDefault()
    {
        var names = SynthesizedPlatform.Prod.Resources(Service("prod", "use2"), "AWS::CloudWatch::Dashboard")
            .Select(d => d.Properties["DashboardName"]!.GetValue<string>());
        var golden = SynthesizedPlatform.Prod.Resources(Service("prod", "use1"), "AWS::CloudWatch::Dashboard")
            .Single(d => d.Properties["DashboardName"]!.GetValue<string>() == "sample-prod-us-east-1-golden-signals");
        var body = Unescape(golden.Properties["DashboardBody"]!.ToJsonString());

        names.ShouldContain("sample-prod-us-east-2-golden-signals");
        foreach (var title in new[] { "Requests/s", "5xx error rate", "5xx responses/s", "Latency p50 / p90 / p99", "Memory utilization (of the limit)", "Unhealthy instances", "Alarms" })
        {
            body.ShouldContain($"\"title\":\"{title}\"");
        }

        body.ShouldContain("p99 blue");
        body.ShouldContain("p99 green");
        body.ShouldContain("Not on CloudWatch (PromQL, local target only): CPU (share of one core)");
    }

    [Fact]
    public void Add_PerVersionSeries_DrawsOneLinePerTargetGroupWithTheStatistic()
    {
        var spec = Dashboard(new TimeSeriesWidgetSpec
        {
            Title = "Latency",
            Unit = DashboardUnit.Seconds,
            Metrics = [new BuiltInDashboardMetric(BuiltInMetric.Latency, AlarmStatistic.FromPercentile(90)) { Label = "p90" }],
        });

        var body = Render(spec);

        body.ShouldContain("\"title\":\"Latency\"");
        body.ShouldContain("\"stat\":\"p90\"");
        body.ShouldContain("\"label\":\"p90 blue\"");
        body.ShouldContain("\"label\":\"p90 green\"");
        body.ShouldContain("targetgroup/blue/1");
        body.ShouldContain("targetgroup/green/2");
        body.ShouldContain("\"label\":\"seconds\"");
    }

    [Fact]
    public void Add_RequestsPerSecond_DividesThePeriodsSumByItsSeconds()
    {
        var spec = Dashboard(new TimeSeriesWidgetSpec
        {
            Title = "Traffic",
            Unit = DashboardUnit.PerSecond,
            PerVersion = false,
            Metrics = [new BuiltInDashboardMetric(BuiltInMetric.Requests, AlarmStatistic.Average) { Label = "requests/s" }],
        });

        var body = Render(spec);

        body.ShouldContain("m0_service / PERIOD(m0_service)");
        body.ShouldContain("RequestCount");
        body.ShouldContain("\"stat\":\"Sum\"");
        body.ShouldNotContain("targetgroup/blue/1", customMessage: "not per version: one line for the load balancer");
    }

    [Fact]
    public void Add_RowsAndText_KeepTheManifestsLayout()
    {
        var spec = new DashboardSpec
        {
            Name = "checkout",
            Title = "Checkout",
            Rows =
            [
                new DashboardRow
                {
                    Title = "Runbook",
                    Widgets = [new TextWidgetSpec("See docs/runbooks/failed-release.md") { Width = 10 }, new TextWidgetSpec("Owner: payments")],
                },
            ],
        };

        var body = Render(spec);

        body.ShouldContain("## Runbook");
        body.ShouldContain("\"width\":10");
        body.ShouldContain("\"width\":14");
        body.ShouldContain("Owner: payments");
    }

    [Fact]
    public void Parse_CustomDashboardWithPromQl_IsRefusedNamingTheWidget()
    {
        var manifest = File.ReadAllText(RepositoryRoot.Manifest) + """

            dashboards:
              custom:
                - name: checkout
                  rows:
                    - title: Checkout
                      widgets:
                        - title: Orders
                          promql: 'sum(rate(orders_total[$window]))'
            """;

        var load = ManifestLoader.Parse(manifest, "cutover.yaml", new AwsSettings { Environments = ["prod"] });

        load.IsValid.ShouldBeFalse();
        load.Errors.ShouldContain(e => e.Contains("dashboards.custom[0].rows[0].widgets[0].promql", StringComparison.Ordinal)
            && e.Contains("widget \"Orders\" of dashboard checkout draws a PromQL query", StringComparison.Ordinal));
    }

    private static DashboardSpec Dashboard(WidgetSpec widget) =>
        new() { Name = "test", Title = "Test", Rows = [new DashboardRow { Widgets = [widget] }] };

    private static string Render(DashboardSpec spec)
    {
        JsiiEnvironment.Silence();
        var app = new App();
        var stack = new Stack(app, "Dashboards");
        ManifestDashboards.Add(stack, "sample-dev", "us-east-1", spec, Metrics, []);
        var dashboard = Template.FromStack(stack).FindResources("AWS::CloudWatch::Dashboard");
        return Unescape(System.Text.Json.JsonSerializer.Serialize(dashboard));
    }

    /// <summary>The dashboard body is JSON inside a JSON string: read its quotes as quotes.</summary>
    private static string Unescape(string json) =>
        json.Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
}
