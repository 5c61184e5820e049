namespace Cutover.Core.Manifest;

/// <summary>The manifest's <c>logs</c> section: retention of collected logs and metric filters over them.</summary>
public sealed record LogsSpec
{
    public LogRetentionSpec Retention { get; init; } = new();

    /// <summary>Metric filters, in manifest order. Default none.</summary>
    public IReadOnlyList<MetricFilterSpec> MetricFilters { get; init; } = [];

    /// <summary>Equal when retention and every filter are; the generated equality would compare the list by reference.</summary>
    public bool Equals(LogsSpec? other) =>
        other is not null && Retention == other.Retention && MetricFilters.SequenceEqual(other.MetricFilters);

    public override int GetHashCode() => HashCode.Combine(Retention, MetricFilters.Count);
}
