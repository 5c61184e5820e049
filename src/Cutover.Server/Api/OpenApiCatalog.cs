using Cutover.Core.Logs;
using Cutover.Core.Releases;
using Cutover.Local.Flags;
using Cutover.Server.Dashboard;
using Cutover.Server.Flags;
using Cutover.Server.Logs;

namespace Cutover.Server.Api;

/// <summary>
/// Every operation of <c>/api/v1</c>, described by hand: summaries and parameters are written for people, the schemas
/// come from the contract types themselves. <see cref="OpenApiDocument"/> lists the ones the running server maps; a
/// test fails when a mapped route has no entry here.
/// </summary>
internal static class OpenApiCatalog
{
    private const string Releases = "releases";
    private const string Observe = "observe";
    private const string Dashboard = "dashboard";
    private const string Logs = "logs";
    private const string Platform = "platform";

    public static IReadOnlyList<OpenApiOperation> Operations { get; } =
    [
        new("GET", "/api/v1/health", Platform, "Whether the control plane answers") { Success = (200, null, null) },
        new("GET", "/api/v1/status", Releases, "Versions, instances with weight, traffic share and health, the latest release and the endpoints") { Success = (200, typeof(StatusResponse), null) },
        new("POST", "/api/v1/releases", Releases, "Start a release of a version", "Refused (409) while a release runs or while a rollback alarm of the serving version is in ALARM, unless ignoreAlarms is set (audited).")
        {
            RequestBody = typeof(DeployRequest),
            Success = (202, typeof(ReleaseState), null),
            Problems = [400, 404, 409],
        },
        new("GET", "/api/v1/releases", Releases, "Releases, newest first")
        {
            Parameters = [("limit", "query", "integer", "How many, 1-500 (default 20)")],
            Success = (200, typeof(IReadOnlyList<ReleaseState>), null),
        },
        new("GET", "/api/v1/releases/{id}", Releases, "One release")
        {
            Parameters = [("id", "path", "string", "The release id, such as r20250101-120000-v2")],
            Success = (200, typeof(ReleaseState), null),
            Problems = [404],
        },
        new("POST", "/api/v1/releases/current/{command}", Releases, "Steer the running release: pause, resume, promote or abort", "abort puts all traffic back on the serving version, drains the new one and stops it.")
        {
            Parameters = [("command", "path", "string", "pause, resume, promote or abort")],
            Success = (200, typeof(CommandResponse), null),
            Problems = [404, 409],
        },
        new("POST", "/api/v1/rollback", Releases, "Release the previous version again, as an immediate blue/green")
        {
            Success = (202, typeof(ReleaseState), null),
            Problems = [409],
        },
        new("GET", "/api/v1/audit", Observe, "The append-only audit trail, oldest first")
        {
            Parameters = [("release", "query", "string", "Only this release's entries"), ("limit", "query", "integer", "The newest this many, 1-10000 (default 200)")],
            Success = (200, typeof(IReadOnlyList<AuditEntry>), null),
        },
        new("GET", "/api/v1/alarms", Observe, "Every alarm's state for every version it judges") { Success = (200, typeof(IReadOnlyList<AlarmStatusResponse>), null) },
        new("GET", "/api/v1/alarms/history", Observe, "Alarm state changes since the control plane started, with the datapoints each was decided on")
        {
            Parameters = [("limit", "query", "integer", "The newest this many, 1-10000 (default 200)")],
            Success = (200, typeof(IReadOnlyList<AlarmTransitionResponse>), null),
        },
        new("GET", "/api/v1/signals/metrics", Observe, "Golden signals per instance in Prometheus text format, for Prometheus to scrape", "Requests by status class and source, response-time histograms and health from HAProxy; memory and CPU from /proc over each instance's process tree.") { Success = (200, null, "text/plain") },
        new("GET", "/api/v1/metrics/golden", Observe, "The golden signals per version over a range, from Prometheus, with release markers", "Requests/s, error rate, latency p50/p90/p99, memory and CPU: the widgets of the manifest's golden-signals dashboard.")
        {
            Parameters = [("version", "query", "string", "Only this version (default: every version)"), ("range", "query", "string", "How far back, such as 90s, 5m or 1h (default 5m, at most 24h)")],
            Success = (200, typeof(GoldenSignalsResponse), null),
            Problems = [400],
        },
        new("GET", "/api/v1/events", Dashboard, "Server-sent events: a snapshot, then release, status, audit, alarms, alarm-transitions, metrics and ping as they happen", "Each event's data is JSON: snapshot is a DashboardSnapshot, release a ReleaseState, status a StatusResponse, audit a list of AuditEntry, alarms a list of AlarmStatusResponse, alarm-transitions a list of AlarmTransitionResponse, metrics a MetricsUpdate.")
        {
            Success = (200, typeof(DashboardSnapshot), "text/event-stream"),
        },
        new("GET", "/api/v1/dashboard", Dashboard, "What the dashboard needs to know: service, environment, whether a token is required, marker events") { Success = (200, typeof(DashboardInfo), null) },
        new("GET", "/api/v1/openapi.json", Platform, "This document") { Success = (200, null, "application/json") },
        new("GET", "/api/v1/flags", Platform, "The environment's feature flags: the value instances see now, the manifest's value, who changed it") { Success = (200, typeof(IReadOnlyList<FeatureFlagStatus>), null) },
        new("PUT", "/api/v1/flags/{name}", Platform, "Switch a feature flag at run time (audited)", "Rewrites the flags file atomically; instances reload it without a restart. The value is kept across control-plane restarts.")
        {
            Parameters = [("name", "path", "string", "A flag declared under featureFlags")],
            RequestBody = typeof(SetFeatureFlagRequest),
            Success = (200, typeof(FeatureFlagStatus), null),
            Problems = [400, 404],
        },
        new("POST", "/api/v1/shutdown", Platform, "Stop the control plane: drain and stop instances, HAProxy, Prometheus") { Success = (202, null, null) },
        new("POST", "/api/v1/notifications/file/{receiver}", Platform, "Alertmanager's webhook for a file receiver: the body is appended to the receiver's file as one line", "Alertmanager runs beside the control plane; from this machine it needs no token.")
        {
            Parameters = [("receiver", "path", "string", "A file receiver of the manifest")],
            Success = (204, null, null),
            Problems = [404],
        },

        // Log aggregation (issue 4).
        new("GET", "/api/v1/logs", Logs, "Collected log lines, oldest first; with follow=true (or Accept: text/event-stream), then every new line as a server-sent event")
        {
            Parameters =
            [
                ("version", "query", "string", "Only this version"),
                ("instance", "query", "string", "Only this instance"),
                ("level", "query", "string", "This level and worse"),
                ("text", "query", "string", "Text the message contains"),
                ("since", "query", "string", "A duration back from now (15m) or an ISO 8601 time"),
                ("limit", "query", "integer", "How many"),
                ("after", "query", "integer", "Only lines stored after this id"),
                ("follow", "query", "boolean", "Keep the stream open for new lines"),
            ],
            Success = (200, typeof(IReadOnlyList<LogEntry>), null),
            Problems = [400],
        },
        new("POST", "/api/v1/logs/query", Logs, "Run a query in the log query language: fields, filter, stats ... by bin(), sort, limit", "Reads only (POST keeps long queries out of the URL), so it needs no token.")
        {
            RequestBody = typeof(LogQueryRequest),
            Success = (200, typeof(LogQueryResponse), null),
            Problems = [400],
        },
        new("GET", "/api/v1/logs/stats", Logs, "What the log store holds and what the collector has done") { Success = (200, typeof(LogStatsResponse), null) },
        new("GET", "/api/v1/logs/metrics", Logs, "The metric filters' counters in Prometheus text format") { Success = (200, null, "text/plain") },
        new("GET", "/api/v1/logs/metrics/{metric}", Logs, "What one metric filter counted for one version in a time range")
        {
            Parameters =
            [
                ("metric", "path", "string", "The metric filter's metric name"),
                ("version", "query", "string", "The version (required)"),
                ("since", "query", "string", "Start: a duration back from now or an ISO 8601 time (default 1m)"),
                ("until", "query", "string", "End, same forms (default now)"),
            ],
            Success = (200, typeof(LogMetricResponse), null),
            Problems = [400],
        },
    ];

    /// <summary>Status codes' reason phrases for response descriptions.</summary>
    public static string Describe(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
