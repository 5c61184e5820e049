namespace Cutover.Core.Manifest;

/// <summary>Loopback ports the local target binds. All on 127.0.0.1 unless <see cref="BindAddress"/> says otherwise.</summary>
public sealed record LocalPortsSpec
{
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>HAProxy production listener. Default 8080.</summary>
    public int ProductionPort { get; init; } = 8080;

    /// <summary>HAProxy test listener: only the new version, before it gets production traffic. Default 8081.</summary>
    public int TestPort { get; init; } = 8081;

    /// <summary>HAProxy stats and Prometheus exporter. Default 8404.</summary>
    public int HaproxyStatsPort { get; init; } = 8404;

    /// <summary>Prometheus web and API port. Default 9090.</summary>
    public int PrometheusPort { get; init; } = 9090;

    /// <summary>Alertmanager web and API port (started only when the manifest declares notifications). Default 9093.</summary>
    public int AlertmanagerPort { get; init; } = 9093;

    /// <summary>Control plane HTTP API. Default 7400.</summary>
    public int ControlPlanePort { get; init; } = 7400;

    /// <summary>First port given to service instances. Default 18100.</summary>
    public int InstancePortsFrom { get; init; } = 18100;

    /// <summary>Last port given to service instances. Default 18199.</summary>
    public int InstancePortsTo { get; init; } = 18199;
}
