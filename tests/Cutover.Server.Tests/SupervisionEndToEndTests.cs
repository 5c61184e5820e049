using Cutover.Server.Tests.Support;
using Cutover.Testing.Load;

namespace Cutover.Server.Tests;

/// <summary>The control plane supervises what it started.</summary>
public sealed class SupervisionEndToEndTests
{
    [Fact]
    public async Task Supervisor_InstanceKilled_IsReplacedWhileTrafficKeepsFlowing()
    {
        await using var platform = await PlatformFixture.StartAsync();
        await using var load = LoadGenerator.Start(platform.Production);
        await load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        var before = await platform.GetStatusAsync();
        var victim = before.Instances[0];

        using (var process = System.Diagnostics.Process.GetProcessById(victim.ProcessId))
        {
            process.Kill();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Core.Releases.AuditEntry> audit;
        do
        {
            await Task.Delay(200);
            audit = await platform.GetAuditAsync("platform");
        }
        while (!audit.Any(a => a.Event == "instance.replaced") && clock.Elapsed < TimeSpan.FromSeconds(30));

        var after = await platform.GetStatusAsync();
        await load.WaitForResponsesAsync(100, TimeSpan.FromSeconds(10));
        var report = await load.StopAsync();

        after.Instances.Count.ShouldBe(2);
        after.Instances.ShouldNotContain(i => i.Id == victim.Id);
        after.Instances.ShouldAllBe(i => i.Version == "v1" && i.Healthy);
        audit.ShouldContain(a => a.Event == "instance.exited" && a.Detail.StartsWith(victim.Id, StringComparison.Ordinal));
        audit.ShouldContain(a => a.Event == "instance.replaced");
        report.Failures.ShouldBeEmpty();
    }
}
