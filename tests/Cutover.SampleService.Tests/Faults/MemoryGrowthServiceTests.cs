using Cutover.SampleService.Configuration;
using Cutover.SampleService.Faults;
using Cutover.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.SampleService.Tests.Faults;

public sealed class MemoryGrowthServiceTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task ExecuteAsync_OneSecondAtFourMiBPerSecond_HoldsFourMiB()
    {
        var time = new TimerCountingTimeProvider();
        var ballast = new MemoryBallast();
        var options = new SampleOptions { InstanceId = "i", Faults = new FaultOptions { MemoryGrowthMbPerSecond = 4 } };
        using var service = new MemoryGrowthService(options, ballast, time, NullLogger<MemoryGrowthService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => time.TimersCreated > 0);
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => ballast.HeldBytes >= 4 * MiB);
        await service.StopAsync(CancellationToken.None);

        ballast.HeldBytes.ShouldBe(4 * MiB);
    }

    [Fact]
    public async Task ExecuteAsync_RateZero_AllocatesNothing()
    {
        var time = new FakeTimeProvider();
        var ballast = new MemoryBallast();
        using var service = new MemoryGrowthService(new SampleOptions { InstanceId = "i" }, ballast, time, NullLogger<MemoryGrowthService>.Instance);

        await service.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        ballast.HeldBytes.ShouldBe(0);
    }

    [Fact]
    public void GrowTo_Target_HoldsWholeChunksUpToTarget()
    {
        var ballast = new MemoryBallast();

        ballast.GrowTo((2 * MiB) + 1);
        ballast.GrowTo(MiB);

        ballast.HeldBytes.ShouldBe(3 * MiB);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var elapsed = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            TimeProvider.System.GetElapsedTime(elapsed).ShouldBeLessThan(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }

    /// <summary>Counts the timers asked for, so a test can wait until the service is parked on its first delay.</summary>
    private sealed class TimerCountingTimeProvider : FakeTimeProvider
    {
        private int _timersCreated;

        public int TimersCreated => Volatile.Read(ref _timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timersCreated);
            return timer;
        }
    }
}
