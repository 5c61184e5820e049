using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Cutover.Core.Logs;
using Cutover.Core.Logs.Queries;
using Cutover.Local.Logs;
using Cutover.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;

namespace Cutover.Server.Logs;

/// <summary>
/// <c>/api/v1/logs</c>: recent lines by version, instance, level and text, followed live as server-sent events;
/// queries in the Logs Insights-like language; store statistics; metric-filter counters.
/// </summary>
internal static class LogsApi
{
    public const int DefaultLimit = 100;

    /// <summary>How often a follower looks for new lines.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan DefaultQueryRange = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/logs");
        api.MapGet(string.Empty, ListAsync);
        api.MapPost("/query", QueryAsync);
        api.MapGet("/stats", GetStatsAsync);
        api.MapGet("/metrics", GetMetrics);
        api.MapGet("/metrics/{metric}", GetMetricAsync);
        return app;
    }

    /// <summary>
    /// The newest lines that pass the filters, oldest first; with <c>follow=true</c> (or <c>Accept: text/event-stream</c>)
    /// the same, then every new line as it is stored, as server-sent events whose id is the line's id (a reconnecting
    /// client's <c>Last-Event-ID</c> resumes after it).
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<LogEntry>>, ServerSentEventsResult<LogEntry>, ProblemHttpResult>> ListAsync(
        string? version,
        string? instance,
        string? level,
        string? text,
        string? since,
        int? limit,
        long? after,
        bool? follow,
        HttpContext context,
        LogDatabase database,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (QueryLimit.Check(limit, DefaultLimit, LogQueryPlan.MaxLimit, out var count) is { } invalid)
        {
            return invalid;
        }

        var levels = Array.Empty<string>() as IReadOnlyList<string>;
        if (level is { Length: > 0 })
        {
            levels = LogLevels.AtLeast(level);
            if (levels.Count == 0)
            {
                return Problem("unknown level", $"\"{ApiInput.Echo(level)}\" is not a level; use one of {string.Join(", ", LogLevels.All)} (lines at that level or worse are shown)");
            }
        }

        DateTimeOffset? from = null;
        if (since is { Length: > 0 })
        {
            if (!LogTimeParser.TryParse(since, time.GetUtcNow(), out var at, out var problem))
            {
                return Problem("invalid since", problem);
            }

            from = at;
        }

        if (long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastEventId))
        {
            after = lastEventId;
        }

        var filter = new LogListFilter
        {
            Version = Blank(version),
            Instance = Blank(instance),
            Levels = levels,
            Text = Blank(text),
            Since = from,
            AfterId = after,
            Limit = count,
        };
        var store = await database.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var wantsStream = follow == true || context.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
        if (wantsStream)
        {
            return TypedResults.ServerSentEvents(FollowAsync(store, filter, time, context.RequestAborted));
        }

        return TypedResults.Ok(await store.ListAsync(filter, cancellationToken).ConfigureAwait(false));
    }

    private static async IAsyncEnumerable<SseItem<LogEntry>> FollowAsync(
        SqliteLogStore store,
        LogListFilter filter,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastId = filter.AfterId ?? (await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).LastId;
        var batch = await store.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var entry in batch)
            {
                lastId = Math.Max(lastId, entry.Id);
                yield return new SseItem<LogEntry>(entry, "log") { EventId = entry.Id.ToString(CultureInfo.InvariantCulture) };
            }

            if (batch.Count < LogQueryPlan.MaxLimit)
            {
                try
                {
                    await Task.Delay(FollowInterval, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }

            batch = await store.ListAsync(filter with { AfterId = lastId, Limit = LogQueryPlan.MaxLimit }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Results<Ok<LogQueryResponse>, ProblemHttpResult>> QueryAsync(
        LogQueryRequest? request,
        LogDatabase database,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            return Problem("missing query", "send {\"query\": \"filter level = \\\"Error\\\" | stats count() by bin(1m)\", \"since\": \"15m\"}");
        }

        var parsed = LogQueryParser.Parse(request.Query);
        if (parsed.Error is { } error)
        {
            var problem = TypedResults.Problem(
                detail: error.ToString(),
                statusCode: StatusCodes.Status400BadRequest,
                title: "invalid query",
                extensions: new Dictionary<string, object?>
                {
                    ["position"] = error.Position,
                    ["problem"] = error.Problem,
                    ["expected"] = error.Expected,
                });
            return problem;
        }

        var now = time.GetUtcNow();
        var from = now - DefaultQueryRange;
        if (request.Since is { Length: > 0 } since && !LogTimeParser.TryParse(since, now, out from, out var sinceProblem))
        {
            return Problem("invalid since", sinceProblem);
        }

        var until = now;
        if (request.Until is { Length: > 0 } untilText && !LogTimeParser.TryParse(untilText, now, out until, out var untilProblem))
        {
            return Problem("invalid until", untilProblem);
        }

        var store = await database.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        try
        {
            var result = await store.QueryAsync(parsed.Plan!, from, until, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new LogQueryResponse(result.Columns, result.Rows, from, until, (long)time.GetElapsedTime(started).TotalMilliseconds));
        }
        catch (SqliteException ex)
        {
            return Problem("query failed", $"the store could not run the query: {ex.Message}");
        }
    }

    private static async Task<Ok<LogStatsResponse>> GetStatsAsync(LogDatabase database, LogCollectorService collector, ControlPlaneLogSink sink, CancellationToken cancellationToken)
    {
        var store = await database.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var running = collector.Collector;
        return TypedResults.Ok(new LogStatsResponse(
            statistics.Lines,
            statistics.LastId,
            statistics.DatabaseBytes,
            statistics.FileBytes,
            running?.LinesCollected ?? 0,
            running?.LastCollectedAt,
            sink.Dropped + (running?.Dropped ?? 0)));
    }

    /// <summary>The metric filters' counters in Prometheus text format, for a scrape job or a look.</summary>
    private static ContentHttpResult GetMetrics(LogCollectorService collector, ControlPlaneOptions options)
    {
        var text = new StringBuilder();
        text.Append("# HELP cutover_log_metric_total What the manifest's metric filters counted in the service's log lines, per version.\n");
        text.Append("# TYPE cutover_log_metric_total counter\n");
        // Every filter's metric for every declared version, at 0 until it counts: Prometheus's increase() only sees
        // what a series gains after its first sample, so a series born at 1 would hide the first match from alarms.
        var counted = collector.Collector?.Counters.Snapshot() ?? [];
        var zeros = options.Manifest.Logs.MetricFilters.Select(f => f.MetricName).Distinct(StringComparer.Ordinal)
            .SelectMany(metric => options.Manifest.Versions.Keys.Select(version => (Metric: metric, Version: version, Total: 0.0)))
            .Where(zero => !counted.Any(c => c.Metric == zero.Metric && c.Version == zero.Version));
        foreach (var (metric, version, total) in counted.Concat(zeros).OrderBy(c => c.Metric, StringComparer.Ordinal).ThenBy(c => c.Version, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"cutover_log_metric_total{{service=\"{Escape(options.Manifest.Service.Name)}\",metric=\"{Escape(metric)}\",version=\"{Escape(version)}\"}} {total}\n");
        }

        return TypedResults.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    private static async Task<Results<Ok<LogMetricResponse>, ProblemHttpResult>> GetMetricAsync(
        string metric,
        string? version,
        string? since,
        string? until,
        LogDatabase database,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return Problem("missing version", "add ?version=v2: metric filters count per version");
        }

        var now = time.GetUtcNow();
        var from = now - TimeSpan.FromMinutes(1);
        if (since is { Length: > 0 } && !LogTimeParser.TryParse(since, now, out from, out var sinceProblem))
        {
            return Problem("invalid since", sinceProblem);
        }

        var end = now;
        if (until is { Length: > 0 } && !LogTimeParser.TryParse(until, now, out end, out var untilProblem))
        {
            return Problem("invalid until", untilProblem);
        }

        var store = await database.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var value = await store.SumMetricAsync(metric, version, from, end, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new LogMetricResponse(metric, version, from, end, value));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
