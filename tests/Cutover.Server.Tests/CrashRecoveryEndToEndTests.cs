using System.Net.Http.Json;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>The control plane killed with SIGKILL in the middle of a release, then started again.</summary>
public sealed class CrashRecoveryEndToEndTests
{
    [Fact]
    public async Task Restart_AfterSigkillMidCanaryUnderLoad_ResumesAndConvergesWithZeroFailedRequests()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-crash-").FullName;
        var options = PlatformFixture.OptionsFor(PlatformFixture.ManifestYaml(PlatformFixture.NewPorts()), directory);
        var manifestPath = Path.Combine(directory, "cutover.yaml");
        using var api = new HttpClient { BaseAddress = options.ControlPlaneUri, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Add(ReleaseApi.ActorHeader, "test");

        var first = await ControlPlaneProcess.StartAsync(manifestPath, api);
        await using var load = LoadGenerator.Start(options.ProductionUri);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        using var deploy = await api.PostAsJsonAsync("api/v1/releases", new DeployRequest("v2", "canary"), PlatformFixture.Json);
        var release = (await deploy.Content.ReadFromJsonAsync<ReleaseState>(PlatformFixture.Json))!;
        await WaitForAsync(api, release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 10);
        var auditBeforeKill = await api.GetFromJsonAsync<List<AuditEntry>>($"api/v1/audit?release={release.Id}", PlatformFixture.Json);

        await first.KillAsync();
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var servedWhileDown = load.Total;
        await using var second = await ControlPlaneProcess.StartAsync(manifestPath, api);
        var done = await WaitForAsync(api, release.Id, r => r.IsTerminal);
        var finishedAt = load.Now;
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = (await api.GetFromJsonAsync<List<AuditEntry>>($"api/v1/audit?release={release.Id}", PlatformFixture.Json))!;
        var status = (await api.GetFromJsonAsync<StatusResponse>("api/v1/status", PlatformFixture.Json))!;
        await second.StopAsync(api);

        done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
        report.Failures.ShouldBeEmpty();
        servedWhileDown.ShouldBeGreaterThan(200);
        report.VersionsAfter(finishedAt).ShouldBe(["v2"]);
        audit.Take(auditBeforeKill!.Count).ShouldBe(auditBeforeKill);
        audit.ShouldContain(a => a.Event == "release.resumed");
        audit.Where(a => a.Event == "traffic.shifted").Select(a => a.Detail.Split('%')[0]).Distinct().ShouldBe(["5", "10", "25", "50", "100"]);
        status.CurrentVersion.ShouldBe("v2");
        status.Instances.Count.ShouldBe(2);
        status.Instances.ShouldAllBe(i => i.Version == "v2" && i.Healthy);
    }

    private static async Task<ReleaseState> WaitForAsync(HttpClient api, string id, Func<ReleaseState, bool> condition)
    {
        var clock = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var release = (await api.GetFromJsonAsync<ReleaseState>($"api/v1/releases/{id}", PlatformFixture.Json))!;
            if (condition(release))
            {
                return release;
            }

            if (TimeProvider.System.GetElapsedTime(clock) > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"release {id} is {release.Phase} at {release.NewWeightPercent}%");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }
}
