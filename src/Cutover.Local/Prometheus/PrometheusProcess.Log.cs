using Microsoft.Extensions.Logging;

namespace Cutover.Local.Prometheus;

/// <summary>Event ids 2300–2399 belong to the local Prometheus.</summary>
public sealed partial class PrometheusProcess
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Started Prometheus (pid {ProcessId}, {Binary}) on {BaseUri}")]
    private partial void LogStarted(int processId, string binary, Uri baseUri);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Debug, Message = "promtool accepted {ConfigFile}")]
    private partial void LogConfigChecked(string configFile);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Debug, Message = "promtool not found; the config is checked by Prometheus itself at start")]
    private partial void LogPromtoolSkipped();

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Prometheus is ready on {BaseUri}")]
    private partial void LogReady(Uri baseUri);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Error, Message = "Prometheus did not start ({Error}): {Reason}")]
    private partial void LogStartFailed(PrometheusStartError error, string reason);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Debug, Message = "prometheus: {Line}")]
    private partial void LogOutput(string line);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Prometheus (pid {ProcessId}) exited unexpectedly with code {ExitCode}")]
    private partial void LogExitedUnexpectedly(int processId, int exitCode);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Information, Message = "Stopping Prometheus (pid {ProcessId})")]
    private partial void LogStopping(int processId);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Warning, Message = "Prometheus (pid {ProcessId}) ignored SIGTERM for {Timeout}; killed it")]
    private partial void LogKilledAfterTimeout(int processId, TimeSpan timeout);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Information, Message = "Prometheus (pid {ProcessId}) stopped with code {ExitCode}")]
    private partial void LogStopped(int processId, int exitCode);

    [LoggerMessage(EventId = 2310, Level = LogLevel.Debug, Message = "Scrape targets: {Count} instance(s) written to {TargetsFile}")]
    private partial void LogTargetsUpdated(int count, string targetsFile);
}
