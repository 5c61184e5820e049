using Microsoft.Extensions.Logging;

namespace Cutover.Local.Haproxy;

/// <summary>Event ids 3120-3139: HAProxy router.</summary>
public sealed partial class HaproxyRouter
{
    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Instance {InstanceId} added as {Server} at {Address} with weight 0")]
    private static partial void LogInstanceAdded(ILogger logger, string instanceId, string server, string address);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Production weights set: {Weights}")]
    private static partial void LogWeightsSet(ILogger logger, string weights);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Information, Message = "Test listener now routes to: {InstanceIds}")]
    private static partial void LogTestTargetsSet(ILogger logger, string instanceIds);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Information, Message = "Instance {InstanceId} removed from HAProxy")]
    private static partial void LogInstanceRemoved(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 3124, Level = LogLevel.Debug, Message = "Instance {InstanceId} was not routed; nothing to remove")]
    private static partial void LogRemoveUnknown(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 3125, Level = LogLevel.Information, Message = "Slot map recovered from HAProxy: {Mapped} slots mapped, {Unknown} occupied by unknown addresses")]
    private static partial void LogRecovered(ILogger logger, int mapped, int unknown);

    [LoggerMessage(EventId = 3126, Level = LogLevel.Warning, Message = "HAProxy rejected '{Command}': {Reply}")]
    private static partial void LogCommandRejected(ILogger logger, string command, string reply);

    [LoggerMessage(EventId = 3127, Level = LogLevel.Warning, Message = "Could not put {Server} back in maintenance after a failed change: {Error}")]
    private static partial void LogResetFailed(ILogger logger, string server, string error);

    [LoggerMessage(EventId = 3128, Level = LogLevel.Information, Message = "Restored {Count} slot(s) into a restarted HAProxy")]
    private static partial void LogRestored(ILogger logger, int count);

    [LoggerMessage(EventId = 3129, Level = LogLevel.Warning, Message = "Could not save HAProxy's server state to {Path}: {Error}; a restarted HAProxy will serve only once its slots are restored")]
    private static partial void LogStateNotSaved(ILogger logger, string path, string error);
}
