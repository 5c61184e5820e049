namespace Cutover.Core.Dashboards;

/// <summary>
/// A graph of one or more metrics over time. With <see cref="PerVersion"/> each metric is drawn once per running
/// version, so blue and green, or the stable version and the canary, show side by side.
/// </summary>
public sealed record TimeSeriesWidgetSpec : WidgetSpec
{
    /// <summary>The metrics drawn, at least one.</summary>
    public required IReadOnlyList<DashboardMetric> Metrics { get; init; }

    /// <summary>How values are shown (axis and legend). Default <see cref="DashboardUnit.Count"/>.</summary>
    public DashboardUnit Unit { get; init; } = DashboardUnit.Count;

    /// <summary>
    /// One line per version (default), or one line for all versions together. Applies to built-in metrics; a raw
    /// PromQL query groups as it is written.
    /// </summary>
    public bool PerVersion { get; init; } = true;

    /// <summary>
    /// The series may not exist for every service, such as CPU time, which only services instrumented with
    /// Cutover.Telemetry report. Renderers show "no data" rather than fail, and a target that cannot express the
    /// metric may leave the widget out. Default false.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>Equal when the settings and every metric are; the generated equality would compare the list by reference.</summary>
    public bool Equals(TimeSeriesWidgetSpec? other) =>
        other is not null &&
        base.Equals(other) &&
        Unit == other.Unit &&
        PerVersion == other.PerVersion &&
        Optional == other.Optional &&
        Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Unit, PerVersion, Metrics.Count);
}
