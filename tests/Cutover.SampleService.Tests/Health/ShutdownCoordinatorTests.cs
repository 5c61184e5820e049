using Cutover.SampleService.Configuration;
using Cutover.SampleService.Health;
using Cutover.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.SampleService.Tests.Health;

public sealed class ShutdownCoordinatorTests : IDisposable
{
    private readonly ReadinessState _readiness = new(failReadiness: false);
    private readonly FakeHostApplicationLifetime _lifetime = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task StartedAsync_AfterStart_MakesReady()
    {
        var coordinator = Create(TimeSpan.Zero);

        await coordinator.StartAsync(CancellationToken.None);
        _readiness.Status.ShouldBe(ReadinessState.Starting);
        await coordinator.StartedAsync(CancellationToken.None);

        _readiness.Status.ShouldBe(ReadinessState.Ready);
    }

    [Fact]
    public async Task StopApplication_Started_FailsReadinessAtOnce()
    {
        var coordinator = Create(TimeSpan.Zero);
        await coordinator.StartAsync(CancellationToken.None);
        await coordinator.StartedAsync(CancellationToken.None);

        _lifetime.StopApplication();

        _readiness.Status.ShouldBe(ReadinessState.ShuttingDown);
    }

    [Fact]
    public async Task StoppingAsync_WithDelay_CompletesOnlyAfterDelay()
    {
        var coordinator = Create(TimeSpan.FromSeconds(2));
        await coordinator.StartAsync(CancellationToken.None);
        await coordinator.StartedAsync(CancellationToken.None);

        var stopping = coordinator.StoppingAsync(CancellationToken.None);
        _readiness.Status.ShouldBe(ReadinessState.ShuttingDown);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        stopping.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task StoppingAsync_ShutdownTimeoutEndsDelay_CompletesWithoutThrowing()
    {
        var coordinator = Create(TimeSpan.FromMinutes(1));
        using var timeout = new CancellationTokenSource();

        var stopping = coordinator.StoppingAsync(timeout.Token);
        await timeout.CancelAsync();

        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _lifetime.Dispose();

    private ShutdownCoordinator Create(TimeSpan delay) =>
        new(_readiness, _lifetime, new SampleOptions { InstanceId = "i", ShutdownDelay = delay }, _time, NullLogger<ShutdownCoordinator>.Instance);
}
