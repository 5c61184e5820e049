using Xunit.Abstractions;
using System.Globalization;
using Cutover.Core.Releases;
using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>The fail-fast guard on the real HAProxy's counters, under load: a bad canary back to 0% fast, a good one left alone.</summary>
public sealed class GuardEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Deploy_VersionFailingAFifthOfItsRequests_IsBackAtZeroWithinOneAndAHalfSecondsOfItsFirstError()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false);
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 8);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        var release = await platform.DeployAsync("v3-errors");
        var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var restoredAt = load.Now;
        await load.WaitForResponsesAsync(200, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();
        var audit = await platform.GetAuditAsync(release.Id);

        done.Phase.ShouldBe(ReleasePhase.RolledBack, done.Reason);
        done.Reason!.ShouldStartWith("the fail-fast guard judged v3-errors worse than v1: canary ");
        audit.Single(a => a.Event == "guard.canary-worse").Actor.ShouldBe("rule:guard");
        audit.Single(a => a.Event == "rollback.started").Detail.ShouldContain("(at step 1/5");

        // From the first error the canary served to the last request it was sent: the time users were exposed.
        var canaryRequests = report.Samples.Where(s => s.Version == "v3-errors").Select(s => s.StartedMs)
            .Concat(report.Failures.Where(f => f.EndsWith("from v3-errors", StringComparison.Ordinal)).Select(SentAt))
            .ToList();
        var firstError = report.Failures.Where(f => f.EndsWith("from v3-errors", StringComparison.Ordinal)).Min(SentAt);
        var exposed = TimeSpan.FromMilliseconds(canaryRequests.Max() - firstError);
        output.WriteLine(FormattableString.Invariant($"first canary error to its last request: {exposed.TotalSeconds:0.00} s; canary errors served: {report.Failures.Count(f => f.EndsWith("from v3-errors", StringComparison.Ordinal))}"));
        exposed.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1.5), $"first error at {firstError} ms, last canary request at {canaryRequests.Max()} ms");
        report.VersionsAfter(restoredAt).ShouldBe(["v1"]);
    }

    [Fact]
    public async Task Deploy_GoodVersionUnderLoadThreeTimes_TheGuardWatchesAndNeverRollsBack()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false, stepPause: "1s");
        await using var load = LoadGenerator.Start(platform.Production, concurrency: 8);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));

        for (var i = 0; i < 3; i++)
        {
            var version = await platform.OtherGoodVersionAsync();
            var release = await platform.DeployAsync(version);
            var done = await platform.WaitForAsync(release.Id, r => r.IsTerminal);
            var audit = await platform.GetAuditAsync(release.Id);

            done.Phase.ShouldBe(ReleasePhase.Succeeded, done.Reason);
            audit.ShouldNotContain(a => a.Actor == "rule:guard" && a.Event != "guard.watching");
        }

        (await load.StopAsync()).Failures.ShouldBeEmpty();
    }

    private static long SentAt(string failure) =>
        long.Parse(failure.AsSpan(0, failure.IndexOf("ms:", StringComparison.Ordinal)), CultureInfo.InvariantCulture);
}
