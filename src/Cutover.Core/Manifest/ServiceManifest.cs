namespace Cutover.Core.Manifest;

/// <summary>The whole of <c>cutover.yaml</c>: one service, its versions, environments, release strategy and alarms.</summary>
public sealed record ServiceManifest
{
    /// <summary>The file the manifest was read from, for error messages.</summary>
    public required string SourcePath { get; init; }

    public required ServiceSpec Service { get; init; }

    /// <summary>Versions that can be deployed, by name. A deploy of an undeclared version is refused.</summary>
    public required IReadOnlyDictionary<string, VersionSpec> Versions { get; init; }

    public required IReadOnlyDictionary<string, EnvironmentSpec> Environments { get; init; }

    public required ReleaseSpec Release { get; init; }

    /// <summary>The alarms that judge each version; <see cref="AlarmsSpec.Effective"/> is the list to evaluate. Default: the default alarms.</summary>
    public AlarmsSpec Alarms { get; init; } = new();

    /// <summary>Retention of collected logs and metric filters over them. Default: 7 days, 512 MiB, no filters.</summary>
    public LogsSpec Logs { get; init; } = new();

    /// <summary>Receivers and routes for alarm and release notifications; null when the manifest declares none.</summary>
    public Notifications.NotificationsSpec? Notifications { get; init; }

    /// <summary>Dashboards as code; <see cref="Dashboards.DashboardsSpec.Effective"/> is the list to render. Default: the golden signals.</summary>
    public Dashboards.DashboardsSpec Dashboards { get; init; } = new();

    /// <summary>Feature flags the service reads from configuration. Default: none.</summary>
    public IReadOnlyList<FeatureFlagSpec> FeatureFlags { get; init; } = [];

    /// <summary>The CI/CD system that releases to AWS. Default: GitHub Actions on main.</summary>
    public PipelineSpec Pipeline { get; init; } = new();
}
