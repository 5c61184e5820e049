using System.Diagnostics;
using Cutover.Telemetry.Emf;
using Cutover.Telemetry.Logging;
using Cutover.Telemetry.Tracing;

namespace Cutover.Telemetry.Http;

/// <summary>
/// Per request: a server span continuing the caller's W3C trace context, the request metrics labelled by the matched
/// route template (a bounded set) rather than the raw path, one log line and, when enabled, one EMF line. It records
/// before returning, so the response is not complete for the client until it is counted. The scrape itself is
/// answered by the OpenTelemetry Prometheus exporter's middleware, which <see cref="TelemetryStartupFilter"/> puts
/// right after this one.
/// </summary>
internal sealed class TelemetryMiddleware(
    RequestDelegate next,
    HttpMetrics metrics,
    RequestTracing tracing,
    EmfSink emf,
    CutoverTelemetryOptions options,
    TimeProvider timeProvider,
    ILogger<TelemetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = timeProvider.GetTimestamp();
        metrics.RequestStarted();
        using var span = tracing.StartServerSpan(context);
        var scrape = IsScrape(context, options);
        if (scrape)
        {
            // Prometheus asks for OpenMetrics first. In OpenMetrics the exporter writes bucket bounds as 1.0, 2.0, 10.0
            // and adds *_created series; Prometheus 2.x stores le as written, so le="2" (what the latency alarm's 2 s
            // bucket was) would become le="2.0". The text format 0.0.4, as served before, keeps the stored series as
            // they were.
            context.Request.Headers.Accept = "text/plain; version=0.0.4";
        }

        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            statusCode = context.Response.StatusCode;
        }
        catch (Exception exception) when (RequestTracing.RecordException(span, exception))
        {
            // Never reached: the filter only records the exception on the span and lets it propagate.
        }
        finally
        {
            var elapsed = timeProvider.GetElapsedTime(start);
            var route = scrape ? options.MetricsPath! : RouteOf(context);
            metrics.RequestCompleted(statusCode, route, elapsed);
            RequestTracing.Complete(span, context.Request.Method, route, statusCode);
            // Logged while the span is current, so the line carries its trace and span id.
            Log.RequestCompleted(logger, context.Request.Method, context.Request.Path.Value ?? "/", statusCode, elapsed.TotalMilliseconds);
            emf.RequestCompleted(context.Request.Method, route, statusCode, elapsed, span ?? Activity.Current);
        }
    }

    /// <summary>A GET or HEAD of exactly the metrics path: what the exporter answers and what is counted under that path.</summary>
    public static bool IsScrape(HttpContext context, CutoverTelemetryOptions options) =>
        options.MetricsPath is { } path
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.Equals(path, StringComparison.Ordinal);

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : HttpMetrics.OtherRoute;
}
