namespace Cutover.Core.Dashboards;

/// <summary>
/// One panel of a dashboard: a <see cref="TimeSeriesWidgetSpec"/> (metrics over time, per version), an
/// <see cref="AlarmStatusWidgetSpec"/> (the alarms' current states) or a <see cref="TextWidgetSpec"/> (Markdown).
/// </summary>
public abstract record WidgetSpec
{
    // Closed hierarchy: the three kinds above are all there is, so renderers can switch over them exhaustively.
    private protected WidgetSpec()
    {
    }

    /// <summary>The panel's heading; empty for none.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Width in grid columns, 1-24; null to share the row with the other widgets (<see cref="DashboardRow.LayoutWidths"/>).</summary>
    public int? Width { get; init; }
}
