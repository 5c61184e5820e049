using Cutover.Local.Prometheus;
using Cutover.Server.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cutover.Server.Signals;

/// <summary><c>/api/v1/signals/metrics</c>: the golden signals the control plane measures per instance, for Prometheus to scrape (issue 12).</summary>
internal static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PrometheusOptions.SignalsPath, GetMetricsAsync);
        return app;
    }

    private static async Task<ContentHttpResult> GetMetricsAsync(LocalPlatform platform, CancellationToken cancellationToken) =>
        TypedResults.Text(await platform.RenderSignalsAsync(cancellationToken).ConfigureAwait(false), "text/plain; version=0.0.4; charset=utf-8");
}
