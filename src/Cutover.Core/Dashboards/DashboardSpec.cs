namespace Cutover.Core.Dashboards;

/// <summary>
/// A dashboard as code: rows of widgets over the service's metrics, drawn per version so the old and the new version
/// show side by side. Target-neutral: renderers turn it into Grafana JSON (<see cref="GrafanaDashboardRenderer"/>),
/// the neutral JSON the local web dashboard and the AWS target read (<see cref="DashboardJsonRenderer"/>), or a
/// CloudWatch dashboard.
/// </summary>
public sealed record DashboardSpec
{
    /// <summary>Unique name, <c>[a-z0-9-]+</c>, such as <c>golden-signals</c>. A manifest dashboard with a default's name replaces it.</summary>
    public required string Name { get; init; }

    /// <summary>The heading shown above the dashboard.</summary>
    public required string Title { get; init; }

    /// <summary>One or two sentences on what the dashboard is for; null for none.</summary>
    public string? Description { get; init; }

    /// <summary>The rows, top to bottom.</summary>
    public IReadOnlyList<DashboardRow> Rows { get; init; } = [];

    /// <summary>
    /// Whether release events (<see cref="ReleaseMarkerEvents.All"/>) from the control plane's audit trail are drawn as
    /// markers on every time series. Default true.
    /// </summary>
    public bool ReleaseMarkers { get; init; } = true;

    /// <summary>Every widget of every row, top to bottom and left to right.</summary>
    public IEnumerable<WidgetSpec> Widgets => Rows.SelectMany(r => r.Widgets);

    /// <summary>Equal when the settings and every row are; the generated equality would compare the list by reference.</summary>
    public bool Equals(DashboardSpec? other) =>
        other is not null &&
        Name == other.Name &&
        Title == other.Title &&
        Description == other.Description &&
        ReleaseMarkers == other.ReleaseMarkers &&
        Rows.SequenceEqual(other.Rows);

    public override int GetHashCode() => HashCode.Combine(Name, Title, Rows.Count);
}
