using System.Text.Json.Serialization;
using Cutover.Core.Alarms;
using Cutover.Server.Alarms;
using Cutover.Server.Api;
using Cutover.Local.Flags;
using Cutover.Server.Dashboard;
using Cutover.Server.Flags;
using Cutover.Server.Logs;
using Cutover.Server.Notifications;
using Cutover.Server.Platform;
using Cutover.Server.Releases;
using Cutover.Server.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutover.Server;

/// <summary>Composes the control plane: the local platform, the release coordinator and the HTTP API.</summary>
public static class ControlPlaneHost
{
    /// <summary>Builds the web application; fails with <see cref="PlatformStartException"/> when a port is taken or the state directory's disk is too full.</summary>
    public static WebApplication Build(ControlPlaneOptions options, TimeProvider? time = null, LogLevel minimumLevel = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StateDiskCheck.Problem(options) is { } tooFull)
        {
            throw new PlatformStartException(tooFull);
        }

        var busy = PortCheck.FindBusy(options.Ports, options.Manifest.SourcePath, PortsHeldByLeftovers(options));
        if (busy.Count > 0)
        {
            throw new PlatformStartException(string.Join(Environment.NewLine, busy));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.ControlPlaneUri.ToString());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        // Request-by-request framework logs would drown the release events in the control-plane log.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddControlPlane(options, time ?? TimeProvider.System);
        builder.Services.AddDashboard(options);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiAccess();
        app.UseStrictApiInput();
        app.MapReleaseApi();
        app.MapLogsApi();
        app.MapSignalsApi();
        app.MapNotificationsApi();
        app.MapFlagsApi();
        app.MapDashboard();
        app.MapOpenApiDocument();
        var coordinator = app.Services.GetRequiredService<ReleaseCoordinator>();
        app.Lifetime.ApplicationStopping.Register(coordinator.CancelRunning);
        return app;
    }

    /// <summary>Ports our own HAProxy or Prometheus still hold after a control plane was killed: not a conflict.</summary>
    private static HashSet<string> PortsHeldByLeftovers(ControlPlaneOptions options)
    {
        var ours = new HashSet<string>(StringComparer.Ordinal);
        if (Leftovers.HaproxyAnswers(LocalPlatform.HaproxySocketPath(options)))
        {
            ours.UnionWith(["production", "test", "haproxyStats"]);
        }

        if (Leftovers.FindByConfigFile(LocalPlatform.PrometheusConfigPath(options)).Count > 0)
        {
            ours.Add("prometheus");
        }

        if (options.Manifest.Notifications is null || Leftovers.FindByConfigFile(NotificationService.ConfigPath(options)).Count > 0)
        {
            ours.Add("alertmanager");
        }

        return ours;
    }

    public static IServiceCollection AddControlPlane(this IServiceCollection services, ControlPlaneOptions options, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddHttpClient();
        services.AddStrictApiInput();
        services.AddExceptionHandler<Api.DiskFullExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton(sp => new LocalFeatureFlags(options.Manifest, options.Environment, options.StateDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LocalPlatform>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalPlatform>());
        services.AddSingleton(sp => new AlarmMonitor(options.Manifest.Alarms.Effective, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAlarmStatusSource>(sp => sp.GetRequiredService<AlarmMonitor>());
        services.AddSingleton<ReleaseCoordinator>();
        services.AddHostedService<AlarmService>();
        services.AddHostedService<NotificationService>();
        services.AddHostedService<PlatformSupervisor>();
        services.AddLogCollection();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        return services;
    }
}
