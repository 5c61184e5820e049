namespace Cutover.Local.Haproxy;

/// <summary>Why HAProxy did not start.</summary>
public enum HaproxyStartError
{
    /// <summary><see cref="HaproxyOptions.Validate"/> found problems; the message lists all of them.</summary>
    InvalidOptions,

    /// <summary>A listener port is already in use or cannot be bound; the message names the port.</summary>
    PortUnavailable,

    /// <summary>The HAProxy binary was not found or could not be executed.</summary>
    BinaryNotFound,

    /// <summary><c>haproxy -c</c> rejected the generated configuration.</summary>
    InvalidConfig,

    /// <summary>The process exited before its runtime API answered; the output says why.</summary>
    ExitedDuringStartup,

    /// <summary>The runtime API did not answer within <see cref="HaproxyOptions.StartTimeout"/>; the process was killed.</summary>
    NotReady,

    /// <summary>Another HAProxy already answers on the runtime directory's socket with a different configuration.</summary>
    AlreadyRunning,
}
