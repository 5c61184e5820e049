using System.Diagnostics;
using Cutover.Core.Releases;
using Cutover.Server.Platform;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>
/// Issue 10's first promise, on the real platform: a release never advances or commits on alarms that stopped being
/// evaluated (a hung or killed Prometheus), nor while one of its new instances is frozen.
/// </summary>
public sealed class NeverPromoteBlindEndToEndTests
{
    private const string ShortHold = "alarmDataTimeout: 6s";

    [Fact]
    public async Task PrometheusFrozenAtTenPercent_ReleaseHoldsThenRollsBackAsInconclusive()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, editManifest: WithShortHold);
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 4);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        var release = await platform.DeployAsync("v2");
        await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 10);
        var prometheus = PrometheusPid(platform);

        Signal("STOP", prometheus);
        ReleaseState done;
        try
        {
            done = await platform.WaitForAsync(release.Id, r => r.IsTerminal, TimeSpan.FromSeconds(60));
        }
        finally
        {
            Signal("CONT", prometheus, mustExist: false);
        }

        var audit = await platform.GetAuditAsync(release.Id);
        var report = await load.StopAsync();

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        done.Reason!.ShouldStartWith("inconclusive: ");
        done.Reason.ShouldContain("not evaluated on fresh data");
        audit.ShouldContain(a => a.Event == "evidence.missing");
        audit.ShouldNotContain(a => a.Event == "release.committed");
        audit.Where(a => a.Event == "traffic.shifted").Select(a => a.Detail).ShouldAllBe(d => d.StartsWith("5%", StringComparison.Ordinal) || d.StartsWith("10%", StringComparison.Ordinal));
        report.Failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task PrometheusKilledAtTenPercent_NoStepAdvancesUntilAlarmsHaveFreshDataAgain()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, stepPause: "1s");
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 4);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        var release = await platform.DeployAsync("v2");
        await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 10);

        using (var prometheus = Process.GetProcessById(PrometheusPid(platform)))
        {
            prometheus.Kill();
            await prometheus.WaitForExitAsync();
        }

        var killedAt = TimeProvider.System.GetUtcNow();
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal, TimeSpan.FromSeconds(90));
        var audit = await platform.GetAuditAsync(release.Id);
        await load.StopAsync();

        var missing = audit.First(a => a.Event == "evidence.missing" && a.At >= killedAt);
        var fresh = audit.FirstOrDefault(a => a.Event == "evidence.fresh" && a.At > missing.At);
        var blind = audit.Where(a => a.Event is "traffic.shifted" or "release.committed" && a.At > killedAt && (fresh is null || a.At < fresh.At)).ToList();
        blind.ShouldBeEmpty($"moved while alarms had no fresh data: {string.Join(" | ", blind.Select(a => a.Detail))}");
        if (done.Phase == ReleasePhase.RolledBack)
        {
            done.Reason!.ShouldStartWith("inconclusive: ");
        }
        else
        {
            done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
            fresh.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task NewInstanceFrozenMidCanary_StopsTheNextStepAndRollsBackThroughTheHealthRule()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, stepPause: "3s");
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 4);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        var release = await platform.DeployAsync("v2");
        var at = await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 10);
        var victim = at.NewInstances[0];

        Signal("STOP", victim.ProcessId);
        ReleaseState done;
        try
        {
            done = await platform.WaitForAsync(release.Id, r => r.IsTerminal, TimeSpan.FromSeconds(60));
        }
        finally
        {
            Signal("CONT", victim.ProcessId, mustExist: false);
        }

        var audit = await platform.GetAuditAsync(release.Id);
        await load.StopAsync();

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        audit.Single(a => a.Event == "rollback.started").Actor.ShouldBe("rule:health");
        done.Reason!.ShouldContain($"{victim.Id} of v2 is unhealthy");
        audit.Where(a => a.Event == "traffic.shifted").Select(a => a.Detail).ShouldAllBe(d => d.StartsWith("5%", StringComparison.Ordinal) || d.StartsWith("10%", StringComparison.Ordinal));
    }

    private static string WithShortHold(string yaml, string directory) => yaml.Replace("release:\n  strategy: canary", $"release:\n  {ShortHold}\n  strategy: canary", StringComparison.Ordinal);

    private static int PrometheusPid(PlatformFixture platform)
    {
        var configFile = Path.Combine(Path.GetFullPath(platform.Options.StateDirectory), "prometheus", "prometheus.yml");
        return Leftovers.FindByArgument($"--config.file={configFile}").ShouldHaveSingleItem();
    }

    /// <param name="mustExist">False to wake a process that the release may already have stopped.</param>
    private static void Signal(string signal, int pid, bool mustExist = true)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { RedirectStandardError = true })!;
        kill.WaitForExit();
        if (mustExist)
        {
            kill.ExitCode.ShouldBe(0, $"kill -{signal} {pid}");
        }
    }
}
