namespace Cutover.Telemetry.Http;

/// <summary>
/// Puts <see cref="TelemetryMiddleware"/> in front of the whole pipeline, so one call at start-up instruments every
/// request, including those later middleware fails or short-circuits; right after it, the Prometheus exporter answers
/// the scrape (which is therefore counted like any request).
/// </summary>
internal sealed class TelemetryStartupFilter(CutoverTelemetryOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<TelemetryMiddleware>();
        if (options.MetricsPath is not null)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => TelemetryMiddleware.IsScrape(context, options));
        }

        next(app);
    };
}
