using Microsoft.Extensions.Logging;

namespace Cutover.Local.Haproxy;

/// <summary>Event ids 3100-3119: HAProxy process.</summary>
public sealed partial class HaproxyProcess
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "HAProxy started (pid {ProcessId}) with {ConfigFile}")]
    private static partial void LogStarted(ILogger logger, int processId, string configFile);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Adopted the HAProxy already running (pid {ProcessId}) on {SocketPath}")]
    private static partial void LogAdopted(ILogger logger, int processId, string socketPath);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Stopping HAProxy (pid {ProcessId}) softly: open connections may finish")]
    private static partial void LogStopping(ILogger logger, int processId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "HAProxy (pid {ProcessId}) still running {Seconds} s after the soft stop; killing it")]
    private static partial void LogKilling(ILogger logger, int processId, double seconds);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "HAProxy exited with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "haproxy: {Line}")]
    private static partial void LogHaproxyOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "haproxy: {Line}")]
    private static partial void LogHaproxyAlert(ILogger logger, string line);
}
