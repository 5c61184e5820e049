namespace Cutover.Core.Dashboards;

/// <summary>The manifest's <c>dashboards</c> section: the default dashboards, the service's own, and what results.</summary>
public sealed record DashboardsSpec
{
    /// <summary>Whether the <see cref="DefaultDashboards"/> apply. Default true.</summary>
    public bool UseDefaults { get; init; } = true;

    /// <summary>The service's own dashboards, in manifest order. One named like a default replaces it.</summary>
    public IReadOnlyList<DashboardSpec> Custom { get; init; } = [];

    /// <summary>
    /// The dashboards to render: the defaults (when <see cref="UseDefaults"/>), each replaced by the custom dashboard of
    /// the same name, followed by the other custom dashboards in manifest order.
    /// </summary>
    /// <param name="serviceName">The service, for the defaults' titles.</param>
    public IReadOnlyList<DashboardSpec> Effective(string serviceName)
    {
        var custom = new Dictionary<string, DashboardSpec>(StringComparer.Ordinal);
        foreach (var dashboard in Custom)
        {
            custom.TryAdd(dashboard.Name, dashboard);
        }

        var effective = new List<DashboardSpec>();
        if (UseDefaults)
        {
            effective.AddRange(DefaultDashboards.Create(serviceName).Select(d => custom.Remove(d.Name, out var own) ? own : d));
        }

        effective.AddRange(Custom.Where(d => custom.Remove(d.Name)));
        return effective;
    }

    /// <summary>Equal when the setting and every dashboard are; the generated equality would compare the list by reference.</summary>
    public bool Equals(DashboardsSpec? other) => other is not null && UseDefaults == other.UseDefaults && Custom.SequenceEqual(other.Custom);

    public override int GetHashCode() => HashCode.Combine(UseDefaults, Custom.Count);
}
