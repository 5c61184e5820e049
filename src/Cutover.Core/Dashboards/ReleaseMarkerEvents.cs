namespace Cutover.Core.Dashboards;

/// <summary>The release events a dashboard marks on its time series, read from the control plane's audit trail.</summary>
public static class ReleaseMarkerEvents
{
    /// <summary>The control plane's audit trail: a JSON array of entries with <c>at</c>, <c>releaseId</c>, <c>event</c>, <c>actor</c> and <c>detail</c>.</summary>
    public const string AuditPath = "/api/v1/audit";

    /// <summary>The control plane's alarm states: a JSON array of entries with <c>alarm</c>, <c>scope</c> (the version), <c>state</c>, <c>severity</c>, <c>since</c> and <c>reason</c>.</summary>
    public const string AlarmsPath = "/api/v1/alarms";

    /// <summary>
    /// The audit events that become markers: the same release events that are notified (a release starts, shifts
    /// traffic, waits for approval, rolls back, succeeds or fails). Instance and hook events would clutter the graphs.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        ["release.started", "traffic.shifted", "approval.waiting", "rollback.started", "release.succeeded", "release.rolled-back", "release.failed"];
}
