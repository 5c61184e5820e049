namespace Cutover.Core.Dashboards;

/// <summary>The current state of alarms (OK, ALARM, INSUFFICIENT_DATA) for each version, from the control plane.</summary>
public sealed record AlarmStatusWidgetSpec : WidgetSpec
{
    /// <summary>The alarms shown, by name, in this order; null for every alarm of the service.</summary>
    public IReadOnlyList<string>? Alarms { get; init; }

    /// <summary>Equal when the settings and the alarm names are; the generated equality would compare the list by reference.</summary>
    public bool Equals(AlarmStatusWidgetSpec? other) =>
        other is not null &&
        base.Equals(other) &&
        (Alarms is null ? other.Alarms is null : other.Alarms is not null && Alarms.SequenceEqual(other.Alarms));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Alarms?.Count);
}
