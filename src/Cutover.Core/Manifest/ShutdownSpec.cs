namespace Cutover.Core.Manifest;

/// <summary>How an instance leaves: drained first, then stopped gracefully, then killed.</summary>
public sealed record ShutdownSpec
{
    /// <summary>Time an instance stays registered with weight 0 so in-flight requests finish. Default 2 s.</summary>
    public TimeSpan DeregistrationDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time between the graceful stop signal (SIGTERM) and a kill. Default 10 s.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
