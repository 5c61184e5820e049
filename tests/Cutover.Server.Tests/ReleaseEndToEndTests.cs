using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Cutover.Core.Releases;
using Cutover.Server.Platform;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>Releases on the real local platform (HAProxy, Prometheus, sample-service processes) under live load.</summary>
public sealed class ReleaseEndToEndTests
{
    [Fact]
    public async Task Deploy_GoodCanaryUnderLoad_EndsOnNewVersionWithZeroFailedRequests()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v2");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var finishedAt = load.Now;
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var status = await platform.GetStatusAsync();
        var audit = await platform.GetAuditAsync(release.Id);

        done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
        report.Failures.ShouldBeEmpty();
        report.Total.ShouldBeGreaterThan(500);
        report.CountFor("v2").ShouldBeGreaterThan(0);
        report.VersionsAfter(finishedAt).ShouldBe(["v2"]);
        status.CurrentVersion.ShouldBe("v2");
        status.Instances.ShouldAllBe(i => i.Version == "v2" && i.Healthy);
        done.OldInstances.ShouldAllBe(i => !IsAlive(i.ProcessId));
        audit.Where(a => a.Event == "traffic.shifted").Select(a => a.Detail.Split('%')[0]).ShouldBe(["5", "10", "25", "50", "100"]);
        audit.ShouldContain(a => a.Event == "hook.passed" && a.Actor == "hook:smoke");
    }

    [Fact]
    public async Task Deploy_BlueGreenWhoseSmokeTestFails_NeverSendsProductionTrafficToNewVersion()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v3-broken", "blueGreen");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);

        done.Phase.ShouldBe(ReleasePhase.RolledBack);
        done.Reason!.ShouldContain("pre-traffic hook 'smoke' failed");
        report.CountFor("v3-broken").ShouldBe(0);
        report.Failures.ShouldBeEmpty();
        audit.ShouldNotContain(a => a.Event == "traffic.shifted");
        done.NewInstances.ShouldAllBe(i => !IsAlive(i.ProcessId));
        (await platform.GetStatusAsync()).CurrentVersion.ShouldBe("v1");
    }

    [Fact]
    public async Task Abort_MidCanaryUnderLoad_ReturnsAllTrafficToOldVersionWithZeroFailedRequests()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v2");
        await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 25);
        await load.WaitForResponsesAsync(100, TimeSpan.FromSeconds(10));
        using var abort = await platform.Api.PostAsync("api/v1/releases/current/abort", null);
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var restoredAt = load.Now;
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);

        abort.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.Phase.ShouldBe(ReleasePhase.RolledBack);
        report.Failures.ShouldBeEmpty();
        report.CountFor("v2").ShouldBeGreaterThan(0);
        report.VersionsAfter(restoredAt).ShouldBe(["v1"]);
        audit.ShouldContain(a => a.Event == "command.abort" && a.Actor == "test");
        done.NewInstances.ShouldAllBe(i => !IsAlive(i.ProcessId));
        (await platform.GetStatusAsync()).CurrentVersion.ShouldBe("v1");
    }

    [Fact]
    public async Task Deploy_VersionThatNeverBecomesHealthy_FailsAndOldVersionKeepsAllTraffic()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);

        var release = await platform.DeployAsync("v6-unready");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var report = await load.StopAsync();
        var status = await platform.GetStatusAsync();

        done.Phase.ShouldBe(ReleasePhase.Failed);
        done.Reason!.ShouldContain("did not pass /health/ready");
        report.Failures.ShouldBeEmpty();
        report.CountFor("v6-unready").ShouldBe(0);
        status.CurrentVersion.ShouldBe("v1");
        status.Instances.ShouldAllBe(i => i.Version == "v1");
        status.Instances.Sum(i => i.TrafficPercent).ShouldBe(100, tolerance: 0.5);
    }

    [Fact]
    public async Task Deploy_UnknownVersionOrSecondRelease_IsRefusedWithAClearMessage()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);

        using var unknown = await platform.Api.PostAsJsonAsync("api/v1/releases", new { version = "v9" });
        var unknownBody = await unknown.Content.ReadAsStringAsync();
        var running = await platform.DeployAsync("v2");
        using var second = await platform.Api.PostAsJsonAsync("api/v1/releases", new { version = "v1" });
        var secondBody = await second.Content.ReadAsStringAsync();
        using var badStrategy = await platform.Api.PostAsJsonAsync("api/v1/releases", new { version = "v2", strategy = "yolo" });
        await platform.WaitForAsync(running.Id, r => r.IsTerminal);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownBody.ShouldContain("unknown version 'v9'");
        unknownBody.ShouldContain("v1, v2, v3-broken, v3-errors, v4-slow, v5-leak, v6-unready");
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        secondBody.ShouldContain($"release {running.Id} of v2 is running");
        badStrategy.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badStrategy.Content.ReadAsStringAsync()).ShouldContain("unknown strategy 'yolo': use blueGreen, canary or linear");
        (await platform.Api.GetFromJsonAsync<List<ReleaseState>>("api/v1/releases", PlatformFixture.Json))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rollback_AfterFinishedRelease_BringsBackThePreviousVersionUnderLoad()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);
        var first = await platform.DeployAsync("v2", "blueGreen");
        await platform.WaitForAsync(first.Id, r => r.IsTerminal);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        using var response = await platform.Api.PostAsync("api/v1/rollback", null);
        var rollback = (await response.Content.ReadFromJsonAsync<ReleaseState>(PlatformFixture.Json))!;
        var done = await platform.WaitForAsync(rollback.Id, r => r.IsTerminal);
        var finishedAt = load.Now;
        await load.WaitForResponsesAsync(100, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();

        rollback.Kind.ShouldBe(ReleaseKind.Rollback);
        rollback.Version.ShouldBe("v1");
        done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
        report.Failures.ShouldBeEmpty();
        report.VersionsAfter(finishedAt).ShouldBe(["v1"]);
        (await platform.GetStatusAsync()).CurrentVersion.ShouldBe("v1");
    }

    [Fact]
    public void Build_PortAlreadyInUse_FailsNamingThePortAndTheField()
    {
        var ports = PlatformFixture.NewPorts();
        using var squatter = new TcpListener(IPAddress.Loopback, ports.ProductionPort);
        squatter.Start();
        var directory = Directory.CreateTempSubdirectory("cutover-e2e-").FullName;
        var options = PlatformFixture.OptionsFor(PlatformFixture.ManifestYaml(ports), directory);

        var error = Should.Throw<PlatformStartException>(() => ControlPlaneHost.Build(options));

        error.Message.ShouldContain($"port {ports.ProductionPort} on 127.0.0.1 is already in use");
        error.Message.ShouldContain("environments.local.ports.production");
        Directory.Exists(Path.Combine(directory, ".cutover")).ShouldBeFalse();
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
