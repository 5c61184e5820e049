namespace Cutover.Local.Prometheus;

/// <summary>Why Prometheus did not start.</summary>
public enum PrometheusStartError
{
    /// <summary>The web port is already in use (or cannot be bound); the message names it.</summary>
    PortUnavailable,

    /// <summary>The Prometheus binary was not found or could not be executed.</summary>
    BinaryNotFound,

    /// <summary><c>promtool check config</c> rejected the generated configuration.</summary>
    InvalidConfig,

    /// <summary>The process exited before it became ready; the output says why.</summary>
    ExitedDuringStartup,

    /// <summary><c>/-/ready</c> did not answer 200 within <see cref="PrometheusOptions.ReadyTimeout"/>; the process was killed.</summary>
    NotReady,
}
