using Cutover.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutover.Server.Dashboard;

/// <summary>
/// The web dashboard: its files under <c>/dashboard/</c> (and <c>/</c> leads there), the live event stream
/// <c>/api/v1/events</c>, the golden signals <c>/api/v1/metrics/golden</c> and the alarm history
/// <c>/api/v1/alarms/history</c>. docs/dashboard.md describes the page and the events.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>Path of the page.</summary>
    public const string PagePath = "/dashboard/";

    public static IServiceCollection AddDashboard(this IServiceCollection services, ControlPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddApiAccess(options);
        services.AddSingleton<GoldenSignals>();
        services.AddSingleton<DashboardEventHub>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardEventHub>());
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => TypedResults.Redirect(PagePath)).ExcludeFromDescription();
        app.MapGet("/dashboard/{**path}", DashboardEndpoints.Asset).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        api.MapGet("/events", DashboardEndpoints.Events);
        api.MapGet("/dashboard", DashboardEndpoints.Info);
        api.MapGet("/metrics/golden", DashboardEndpoints.GoldenSignalsAsync);
        api.MapGet("/alarms/history", DashboardEndpoints.AlarmHistory);
        return app;
    }
}
