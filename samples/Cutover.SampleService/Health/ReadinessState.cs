namespace Cutover.SampleService.Health;

/// <summary>
/// Whether the instance should receive new requests: only once started, never after shutdown has begun (so the load
/// balancer drains it while in-flight requests finish), and never while the readiness fault is on.
/// </summary>
internal sealed class ReadinessState(bool failReadiness)
{
    public const string Ready = "ready";
    public const string Starting = "starting";
    public const string ShuttingDown = "shutting down";
    public const string Faulted = "fault: readiness forced to fail";

    private int _started;
    private int _stopping;

    /// <summary>One of <see cref="Ready"/>, <see cref="Starting"/>, <see cref="ShuttingDown"/> or <see cref="Faulted"/>.</summary>
    public string Status => failReadiness ? Faulted
        : Volatile.Read(ref _stopping) == 1 ? ShuttingDown
        : Volatile.Read(ref _started) == 0 ? Starting
        : Ready;

    public void MarkStarted() => Volatile.Write(ref _started, 1);

    /// <summary>Fails readiness for good; returns <see langword="true"/> only for the first call.</summary>
    public bool MarkStopping() => Interlocked.Exchange(ref _stopping, 1) == 0;
}
