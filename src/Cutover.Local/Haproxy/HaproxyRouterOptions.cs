namespace Cutover.Local.Haproxy;

/// <summary>Where a <see cref="HaproxyRouter"/> finds HAProxy. Usually from <see cref="HaproxyOptions.ToRouterOptions"/>.</summary>
public sealed record HaproxyRouterOptions
{
    /// <summary>The runtime API socket (admin level), e.g. <see cref="HaproxyOptions.SocketPath"/>.</summary>
    public required string SocketPath { get; init; }

    /// <summary>Where to save <c>show servers state</c> after every change, for HAProxy to load when it is restarted; null for nowhere.</summary>
    public string? StateFilePath { get; init; }

    /// <summary>Server slots per backend, as rendered into the config. Default 16.</summary>
    public int SlotCount { get; init; } = 16;

    /// <summary>How long one runtime API command may take. Default 5 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
