using Cutover.Core.Releases;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests.Logs;

/// <summary>A metric filter over the instances' log lines feeds an alarm that rolls a bad version back.</summary>
public sealed class MetricFilterAlarmEndToEndTests
{
    // The default alarms are off: the error-rate alarm would otherwise catch this version first.
    private const string Sections = """
        logs:
          metricFilters:
            - name: server-errors
              pattern: '{ $.StatusCode >= 500 }'
              metricName: ServerErrors
        alarms:
          useDefaults: false
          rules:
            - name: logged-server-errors
              logMetric: ServerErrors
              comparison: GreaterThanThreshold
              threshold: 0
              evaluationPeriods: 2
              datapointsToAlarm: 1
              treatMissingData: notBreaching
        """;

    [Fact]
    public async Task Deploy_VersionThatLogsServerErrors_IsRolledBackByTheMetricFilterAlarm()
    {
        // No fail-fast guard: it would stop a 20% error rate before the log metric does, and this test is about the latter.
        await using var platform = await PlatformFixture.StartAsync(Sections, smokeHook: false, guard: false);
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 4);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v3-errors");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        await load.StopAsync();
        var metrics = await platform.Api.GetStringAsync("api/v1/logs/metrics");

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        done.Reason!.ShouldStartWith("alarm logged-server-errors is in ALARM for v3-errors");
        metrics.ShouldMatch("metric=\"ServerErrors\",version=\"v3-errors\"} [1-9]");
    }
}
