namespace Cutover.Telemetry.Logging;

/// <summary>All log messages of the telemetry library, with their event ids in one place.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Method} {Path} responded {StatusCode} in {DurationMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int statusCode, double durationMs);
}
