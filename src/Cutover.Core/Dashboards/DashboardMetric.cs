namespace Cutover.Core.Dashboards;

/// <summary>
/// What a time series draws: a <see cref="BuiltInDashboardMetric"/>, which every target can draw, or a
/// <see cref="PromQlDashboardMetric"/>, a raw query that only the local target's Prometheus answers.
/// </summary>
public abstract record DashboardMetric
{
    // Closed hierarchy: the two kinds above are all there is, so renderers can switch over them exhaustively.
    private protected DashboardMetric()
    {
    }

    /// <summary>The series' name in the legend (after the version when drawn per version); null for the default.</summary>
    public string? Label { get; init; }
}
