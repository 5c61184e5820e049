namespace Cutover.Core.Dashboards;

/// <summary>What a Grafana export needs besides the dashboard.</summary>
public sealed record GrafanaOptions
{
    /// <summary>The service, for the dashboard's uid and tags.</summary>
    public required string ServiceName { get; init; }

    /// <summary>
    /// The control plane's base URL, the default of the <c>cutover_url</c> variable from which alarm states and release
    /// markers are read (through the Infinity data source). Default <c>http://127.0.0.1:7400</c>.
    /// </summary>
    public Uri ControlPlaneUrl { get; init; } = new("http://127.0.0.1:7400");
}
