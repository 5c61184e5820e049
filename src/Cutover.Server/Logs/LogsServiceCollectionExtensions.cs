using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Logs;

/// <summary>Registers log collection: the store, the collector service and the control plane's own logs as a source.</summary>
internal static class LogsServiceCollectionExtensions
{
    public static IServiceCollection AddLogCollection(this IServiceCollection services)
    {
        services.AddSingleton<LogDatabase>();
        services.AddSingleton<ControlPlaneLogSink>();
        services.AddSingleton<ILoggerProvider, ControlPlaneLoggerProvider>();
        services.AddSingleton<LogCollectorService>();
        services.AddHostedService(sp => sp.GetRequiredService<LogCollectorService>());
        return services;
    }
}
