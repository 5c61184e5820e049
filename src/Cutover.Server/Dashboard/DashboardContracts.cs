using Cutover.Core.Releases;
using Cutover.Server.Api;

namespace Cutover.Server.Dashboard;

/// <summary>What the dashboard needs to know about the control plane it talks to.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Environment">The local environment.</param>
/// <param name="TokenRequired">Whether state-changing calls need the bearer token (the control plane is not on loopback).</param>
/// <param name="MarkerEvents">Audit events drawn as release markers on the charts.</param>
/// <param name="MetricsIntervalSeconds">How often a <c>metrics</c> event brings new chart points.</param>
public sealed record DashboardInfo(string Service, string Environment, bool TokenRequired, IReadOnlyList<string> MarkerEvents, double MetricsIntervalSeconds);

/// <summary>The first event of every <c>/api/v1/events</c> stream: everything the dashboard shows, at once.</summary>
/// <param name="Info">The control plane.</param>
/// <param name="Status">Versions, instances, weights and health.</param>
/// <param name="Release">The latest release, running or ended; null before the first.</param>
/// <param name="Audit">The newest audit entries, oldest first.</param>
/// <param name="Alarms">Every alarm's state for every version it judges.</param>
/// <param name="AlarmHistory">Alarm state changes since the control plane started, oldest first.</param>
public sealed record DashboardSnapshot(
    DashboardInfo Info,
    StatusResponse Status,
    ReleaseState? Release,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<AlarmStatusResponse> Alarms,
    IReadOnlyList<AlarmTransitionResponse> AlarmHistory);

/// <summary>One datapoint an alarm was judged on; <see cref="Value"/> is null for a missing period.</summary>
public sealed record AlarmValue(DateTimeOffset At, double? Value);

/// <summary>One change of an alarm's state for one version, with the datapoints the decision was made on.</summary>
public sealed record AlarmTransitionResponse(string Alarm, string Scope, string From, string To, DateTimeOffset At, string Reason, IReadOnlyList<AlarmValue> Values);

/// <summary>One line of a chart: a metric for one version. Times are Unix seconds; a null value is a gap.</summary>
public sealed record ChartSeries(string Key, string? Version, string Label, IReadOnlyList<double> Times, IReadOnlyList<double?> Values);

/// <summary>One chart of the golden signals and its lines; <see cref="Error"/> says why it has none when a query failed.</summary>
/// <param name="Id">Stable id, from the title.</param>
/// <param name="Title">The heading.</param>
/// <param name="Unit"><c>count</c>, <c>perSecond</c>, <c>share</c> (0-1), <c>seconds</c> or <c>bytes</c>.</param>
/// <param name="Optional">The series may not exist for every service (CPU time).</param>
/// <param name="Series">The lines.</param>
/// <param name="Error">Prometheus's complaint, or null.</param>
public sealed record ChartData(string Id, string Title, string Unit, bool Optional, IReadOnlyList<ChartSeries> Series, string? Error);

/// <summary>Body of <c>GET /api/v1/metrics/golden</c>: the golden signals per version over a range, with release markers.</summary>
/// <param name="From">Start of the range.</param>
/// <param name="To">End of the range.</param>
/// <param name="StepSeconds">Seconds between points.</param>
/// <param name="Window">The rate window each point is computed over, in PromQL's spelling.</param>
/// <param name="Charts">One per time-series widget of the golden-signals dashboard.</param>
/// <param name="Markers">Release events in the range (audit entries), oldest first.</param>
public sealed record GoldenSignalsResponse(DateTimeOffset From, DateTimeOffset To, double StepSeconds, string Window, IReadOnlyList<ChartData> Charts, IReadOnlyList<AuditEntry> Markers);

/// <summary>The newest value of one line of one chart.</summary>
public sealed record ChartPoint(string Chart, string Key, string? Version, string Label, double? Value);

/// <summary>A <c>metrics</c> event: the newest value of every line, at <see cref="Time"/> (Unix seconds).</summary>
public sealed record MetricsUpdate(double Time, IReadOnlyList<ChartPoint> Points);
