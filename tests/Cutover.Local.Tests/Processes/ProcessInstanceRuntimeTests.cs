using System.Diagnostics;
using Cutover.Core.Instances;
using Cutover.Local.Processes;

namespace Cutover.Local.Tests.Processes;

public sealed class ProcessInstanceRuntimeTests
{
    [Fact]
    public async Task IsInstanceProcess_PidWithMatchingInstanceId_IsTrueUntilItExits()
    {
        using var process = StartSleeper("v2-18100-abcd");
        var instance = new InstanceEndpoint("v2-18100-abcd", "v2", "127.0.0.1", 18100, process.Id);

        // Until the child has exec'd, /proc/<pid>/environ is still the test's own environment.
        var clock = TimeProvider.System.GetTimestamp();
        var whileRunning = ProcessInstanceRuntime.IsInstanceProcess(instance);
        while (!whileRunning && TimeProvider.System.GetElapsedTime(clock) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            whileRunning = ProcessInstanceRuntime.IsInstanceProcess(instance);
        }

        var otherId = ProcessInstanceRuntime.IsInstanceProcess(instance with { Id = "v2-18100-ffff" });
        process.Kill();
        await process.WaitForExitAsync();

        whileRunning.ShouldBeTrue();
        otherId.ShouldBeFalse();
        ProcessInstanceRuntime.IsInstanceProcess(instance).ShouldBeFalse();
    }

    private static Process StartSleeper(string instanceId)
    {
        var info = new ProcessStartInfo("sleep") { UseShellExecute = false };
        info.ArgumentList.Add("30");
        info.Environment["CUTOVER_INSTANCE_ID"] = instanceId;
        return Process.Start(info)!;
    }
}
