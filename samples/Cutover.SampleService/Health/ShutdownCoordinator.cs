using Cutover.SampleService.Configuration;
using Cutover.SampleService.Logging;

namespace Cutover.SampleService.Health;

/// <summary>
/// Drives readiness through the host lifecycle. On SIGTERM the console lifetime fires ApplicationStopping first, which
/// fails readiness at once; then the host calls <see cref="StoppingAsync"/> before stopping Kestrel, so the pre-stop
/// delay spent there still accepts new requests (like a Kubernetes preStop hook). Kestrel then stops accepting and
/// waits for in-flight requests until <see cref="HostOptions.ShutdownTimeout"/>, which also bounds the delay.
/// </summary>
internal sealed class ShutdownCoordinator(
    ReadinessState readiness,
    IHostApplicationLifetime lifetime,
    SampleOptions options,
    TimeProvider timeProvider,
    ILogger<ShutdownCoordinator> logger) : IHostedLifecycleService
{
    private CancellationTokenRegistration _stoppingRegistration;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stoppingRegistration = lifetime.ApplicationStopping.Register(OnStopping);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        readiness.MarkStarted();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        OnStopping();
        if (options.ShutdownDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.ShutdownDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ended the delay early; Kestrel still gets its (now short) chance to drain.
            }
        }

        Log.Draining(logger);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stoppingRegistration.DisposeAsync().ConfigureAwait(false);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnStopping()
    {
        if (readiness.MarkStopping())
        {
            Log.ShutdownStarted(logger, options.ShutdownDelay.TotalMilliseconds);
        }
    }
}
