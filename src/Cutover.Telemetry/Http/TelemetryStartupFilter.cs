namespace Cutover.Telemetry.Http;

/// <summary>
/// Puts <see cref="TelemetryMiddleware"/> in front of the whole pipeline, so one call at start-up instruments every
/// request, including those later middleware fails or short-circuits.
/// </summary>
internal sealed class TelemetryStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<TelemetryMiddleware>();
        next(app);
    };
}
