namespace Cutover.SampleService.Logging;

/// <summary>All log messages of the service, with their event ids in one place.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Invalid configuration: {Problem}")]
    public static partial void InvalidConfiguration(ILogger logger, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "CUTOVER_FAULT_CRASH_AT_START is set: exiting with code {ExitCode} before listening")]
    public static partial void CrashingAtStart(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Starting version {Version} as instance {InstanceId} on http://127.0.0.1:{Port}")]
    public static partial void Starting(ILogger logger, string version, string instanceId, int port);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Fault injection active: error rate {ErrorRate}, added latency {LatencyMs} ms, memory growth {GrowthMbPerSecond} MiB/s, failing readiness {FailReadiness}")]
    public static partial void FaultsActive(ILogger logger, double errorRate, double latencyMs, double growthMbPerSecond, bool failReadiness);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Shutdown requested: readiness now fails; still accepting requests for {DelayMs} ms")]
    public static partial void ShutdownStarted(ILogger logger, double delayMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Pre-stop delay over: draining in-flight requests")]
    public static partial void Draining(ILogger logger);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Memory growth fault: holding {AllocatedMb} MiB")]
    public static partial void MemoryHeld(ILogger logger, long allocatedMb);
}
