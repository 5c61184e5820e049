using System.Diagnostics;
using Cutover.Telemetry.Emf;
using Cutover.Telemetry.Logging;
using Cutover.Telemetry.Metrics;
using Cutover.Telemetry.Tracing;

namespace Cutover.Telemetry.Http;

/// <summary>
/// Per request: a server span continuing the caller's W3C trace context, the request metrics labelled by the matched
/// route template (a bounded set) rather than the raw path, one log line and, when enabled, one EMF line. It records
/// before returning, so the response is not complete for the client until it is counted. It also serves the scrape.
/// </summary>
internal sealed class TelemetryMiddleware(
    RequestDelegate next,
    HttpMetrics metrics,
    PrometheusExporter exporter,
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
        var scrape = IsScrape(context);
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            if (scrape)
            {
                await WriteScrapeAsync(context).ConfigureAwait(false);
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }

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

    private bool IsScrape(HttpContext context) =>
        options.MetricsPath is { } path
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.Equals(path, StringComparison.Ordinal);

    private async Task WriteScrapeAsync(HttpContext context)
    {
        var text = exporter.Collect();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusTextFormat.ContentType;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : HttpMetrics.OtherRoute;
}
