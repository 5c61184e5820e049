using Cutover.SampleService.Logging;

namespace Cutover.SampleService.Metrics;

/// <summary>
/// Counts, times and logs every request, labelled by the matched route template (a bounded set) rather than the raw
/// path. It records before returning, so the response is not complete for the client until it is counted.
/// </summary>
internal sealed class RequestMetricsMiddleware(
    RequestDelegate next,
    SampleMetrics metrics,
    TimeProvider timeProvider,
    ILogger<RequestMetricsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = timeProvider.GetTimestamp();
        metrics.InFlight.Increment();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            var elapsed = timeProvider.GetElapsedTime(start);
            metrics.InFlight.Decrement();
            metrics.RecordRequest(statusCode, RouteOf(context), elapsed);
            Log.RequestCompleted(logger, context.Request.Method, context.Request.Path.Value ?? "/", statusCode, elapsed.TotalMilliseconds);
        }
    }

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : SampleMetrics.OtherPath;
}
