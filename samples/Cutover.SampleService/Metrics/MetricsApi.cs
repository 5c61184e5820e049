using Microsoft.AspNetCore.Http.HttpResults;

namespace Cutover.SampleService.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format, and the middleware that feeds it.</summary>
internal static class MetricsApi
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseMiddleware<RequestMetricsMiddleware>();

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetMetrics);
        return endpoints;
    }

    internal static ContentHttpResult GetMetrics(SampleMetrics metrics) =>
        TypedResults.Text(metrics.Registry.ToText(), PrometheusTextWriter.ContentType);
}
