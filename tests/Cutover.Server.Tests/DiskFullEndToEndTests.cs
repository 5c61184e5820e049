using System.Net;
using System.Net.Http.Json;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Tests.Support;
using Cutover.Testing;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>
/// Issue 10: the state dir fills up in the middle of a release on the real platform (a real tmpfs, filled to the
/// last byte). The release ends consistent, on a healthy version, and the operator's commands work throughout.
/// </summary>
public sealed class DiskFullEndToEndTests
{
    [Fact]
    public async Task StateDirFillsAtTenPercent_AbortStatusAndHistoryWork_AndTheRollbackIsSavedOnceSpaceIsFreed()
    {
        using var disk = SmallDisk.Mount(kibibytes: 256 * 1024);
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, stepPause: "3s", stateDirectory: Path.Combine(disk.Path, "state"));
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 4);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        var release = await platform.DeployAsync("v2");
        await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting && r.NewWeightPercent >= 10);

        HttpResponseMessage abort;
        string abortBody;
        ReleaseState restored;
        StatusResponse statusWhileFull;
        HttpStatusCode historyWhileFull;
        bool served;
        disk.Fill();
        try
        {
            abort = await platform.Api.PostAsync(new Uri("api/v1/releases/current/abort", UriKind.Relative), null);
            abortBody = await abort.Content.ReadAsStringAsync();
            restored = await platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.RollingBack && r.Unsaved is not null, TimeSpan.FromSeconds(30));
            statusWhileFull = await platform.GetStatusAsync();
            using var history = await platform.Api.GetAsync(new Uri("api/v1/releases", UriKind.Relative));
            historyWhileFull = history.StatusCode;
            served = await WaitUntilOnlyAsync(platform, "v1");
        }
        finally
        {
            // Freed even when an assertion above failed: the platform must stop on a disk with room.
            disk.Free();
        }

        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal && r.Unsaved is null, TimeSpan.FromSeconds(60));
        var saved = await platform.GetReleaseAsync(release.Id);
        var audit = await platform.GetAuditAsync(release.Id);
        var statusAfter = await platform.GetStatusAsync();
        var report = await load.StopAsync();

        using (abort)
        {
            abort.StatusCode.ShouldBe(HttpStatusCode.OK, abortBody);
        }

        abortBody.ShouldContain("disk full at ");
        restored.Unsaved!.ShouldContain("disk full at " + disk.Path);
        statusWhileFull.Release!.Unsaved.ShouldNotBeNull();
        historyWhileFull.ShouldBe(HttpStatusCode.OK);
        served.ShouldBeTrue("traffic was not back on v1 while the disk was full");
        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        saved.Phase.ShouldBe(ReleasePhase.RolledBack);
        statusAfter.CurrentVersion.ShouldBe("v1");
        statusAfter.Instances.ShouldAllBe(i => i.Version == "v1" && i.Healthy);
        audit.Select(a => a.Event).ShouldContain("command.abort");
        audit.Select(a => a.Event).ShouldContain("storage.full");
        audit.Select(a => a.Event).ShouldContain("storage.recovered");
        audit[^1].Event.ShouldBe("release.rolled-back");
        report.Failures.ShouldBeEmpty();
    }

    private static async Task<bool> WaitUntilOnlyAsync(PlatformFixture platform, string version)
    {
        for (var i = 0; i < 100; i++)
        {
            var status = await platform.GetStatusAsync();
            if (status.Instances.Where(x => x.TrafficPercent > 0).All(x => x.Version == version))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        return false;
    }
}
