using System.Text.Json;
using Cutover.Server.Tests.Support;

namespace Cutover.Server.Tests;

/// <summary>Alarm notifications through the real Alertmanager to real receivers on 127.0.0.1.</summary>
public sealed class NotificationEndToEndTests
{
    [Fact]
    public async Task Alarm_GoesToAlarm_DeliversOneGroupedNotificationPerReceiverAndInhibitsWarnings()
    {
        await using var http = await HttpCaptureServer.StartAsync();
        using var smtp = SmtpCaptureServer.Start();
        var sections = $$"""
            alarms:
              rules:
                - { name: disk-critical, promql: "vector(0.97)", comparison: GreaterThanThreshold, threshold: 0.9, evaluationPeriods: 1, severity: critical, rollback: false }
                - { name: queue-critical, promql: "vector(1200)", comparison: GreaterThanThreshold, threshold: 1000, evaluationPeriods: 1, severity: critical, rollback: false }
                - { name: disk-warning, promql: "vector(0.97)", comparison: GreaterThanThreshold, threshold: 0.8, evaluationPeriods: 1, severity: warning, rollback: false }
            notifications:
              groupWait: 3s
              groupInterval: 30s
              receivers:
                - { name: oncall, webhook: { url: "{{http.BaseUri}}hook" } }
                - { name: chat, slack: { url: "{{http.BaseUri}}slack", channel: "#ops" } }
                - { name: mail, email: { to: ops@example.com, from: cutover@example.com, smarthost: "127.0.0.1:{{smtp.Port}}" } }
                - { name: journal, file: { path: notifications.log } }
              routes:
                critical: [oncall, chat, mail, journal]
                warning: [oncall]
            """;
        await using var platform = await PlatformFixture.StartAsync(sections);

        var clock = TimeProvider.System.GetTimestamp();
        while ((http.On("/hook").Count == 0 || smtp.Messages.IsEmpty || http.On("/slack").Count == 0) && TimeProvider.System.GetElapsedTime(clock) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        await Task.Delay(TimeSpan.FromSeconds(6), TimeProvider.System);
        var hooks = http.On("/hook");
        var journal = Path.Combine(platform.Directory, "notifications.log");

        var notification = hooks.ShouldHaveSingleItem();
        notification.GetProperty("status").GetString().ShouldBe("firing");
        notification.GetProperty("commonLabels").GetProperty("severity").GetString().ShouldBe("critical");
        var alerts = notification.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Select(a => a.GetProperty("labels").GetProperty("alertname").GetString()).ShouldBe(["disk-critical", "queue-critical"], ignoreOrder: true);
        alerts.ShouldAllBe(a => a.GetProperty("annotations").GetProperty("values").GetString()!.StartsWith("Threshold Crossed", StringComparison.Ordinal));
        alerts.ShouldContain(a => a.GetProperty("annotations").GetProperty("values").GetString()!.Contains("1200", StringComparison.Ordinal));
        hooks.Select(SeverityOf).ShouldNotContain("warning");
        http.On("/slack").ShouldNotBeEmpty();
        http.On("/slack")[0].GetProperty("channel").GetString().ShouldBe("#ops");
        smtp.Messages.ShouldNotBeEmpty();
        smtp.Messages.First().ShouldContain("To: ops@example.com");
        File.Exists(journal).ShouldBeTrue();
        var line = JsonDocument.Parse(File.ReadLines(journal).First()).RootElement;
        line.GetProperty("commonLabels").GetProperty("severity").GetString().ShouldBe("critical");
    }

    private static string? SeverityOf(JsonElement notification) =>
        notification.GetProperty("commonLabels").TryGetProperty("severity", out var severity) ? severity.GetString() : null;
}
