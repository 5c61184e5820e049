using System.Net;
using System.Net.Http.Json;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>Bad versions under load, judged by the default alarms on the real Prometheus, roll themselves back.</summary>
public sealed class AlarmEndToEndTests
{
    [Theory]
    [InlineData("v3-errors", "error-rate")]
    [InlineData("v4-slow", "latency-p99")]
    [InlineData("v5-leak", "memory")]
    public async Task Deploy_BadVersionUnderLoad_IsRolledBackByItsAlarm(string version, string alarm)
    {
        // No smoke test and no fail-fast guard: either could stop a 20% error rate first, and this test is about the alarms.
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, guard: false);
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 8);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync(version);
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var restoredAt = load.Now;
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);
        var status = await platform.GetStatusAsync();

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        done.Reason!.ShouldStartWith($"alarm {alarm} is in ALARM for {version}: Threshold Crossed");
        audit.ShouldContain(a => a.Event == "alarm.state" && a.Actor == $"alarm:{alarm}" && a.Detail.Contains("→ ALARM", StringComparison.Ordinal));
        var rollback = audit.Single(a => a.Event == "rollback.started");
        rollback.Actor.ShouldBe($"alarm:{alarm}");
        rollback.Detail.ShouldContain("(at step ");
        report.VersionsAfter(restoredAt).ShouldBe(["v1"]);
        status.CurrentVersion.ShouldBe("v1");
        status.Instances.ShouldAllBe(i => i.Version == "v1");
        status.Instances.Sum(i => i.TrafficPercent).ShouldBe(100, tolerance: 0.5);
        if (version != "v3-errors")
        {
            // Slow or leaking versions still answer: nobody saw an error.
            report.Failures.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Deploy_WhileARollbackAlarmAlreadyFires_IsRefusedUnlessOverridden()
    {
        const string AlwaysFiring = """
            alarms:
              rules:
                - name: always-firing
                  promql: "vector(1)"
                  comparison: GreaterThanThreshold
                  threshold: 0
                  evaluationPeriods: 1
                  datapointsToAlarm: 1
                  severity: critical
                  rollback: true
            """;
        await using var platform = await PlatformFixture.StartAsync(AlwaysFiring);
        var clock = TimeProvider.System.GetTimestamp();
        while (!(await platform.Api.GetFromJsonAsync<List<AlarmStatusResponse>>("api/v1/alarms", PlatformFixture.Json))!
            .Any(a => a.Alarm == "always-firing" && a.Scope == "v1" && a.State == "ALARM") && TimeProvider.System.GetElapsedTime(clock) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        using var refused = await platform.Api.PostAsJsonAsync("api/v1/releases", new DeployRequest("v2", null), PlatformFixture.Json);
        var refusal = await refused.Content.ReadAsStringAsync();
        var overridden = await platform.DeployWithAsync(new DeployRequest("v2", null, IgnoreAlarms: true));
        var done = await platform.WaitForAsync(overridden.Id, r => r.IsTerminal);
        var audit = await platform.GetAuditAsync(overridden.Id);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refusal.ShouldContain("alarm always-firing is already in ALARM for v1, the serving version");
        refusal.ShouldContain("--ignore-alarms");
        audit.ShouldContain(a => a.Event == "alarm.overridden" && a.Actor == "test");
        done.Phase.ShouldBe(ReleasePhase.RolledBack);
        done.Reason!.ShouldStartWith("alarm always-firing is in ALARM for v2");
    }
}
