using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Api;

/// <summary>Registers and applies <see cref="ApiAccessMiddleware"/>.</summary>
public static partial class ApiAccessExtensions
{
    /// <summary>Reads the token from <see cref="ApiAccessOptions.TokenVariable"/> now, once.</summary>
    public static IServiceCollection AddApiAccess(this IServiceCollection services, ControlPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(ApiAccessOptions.FromEnvironment(options));
        return services;
    }

    /// <summary>Before the endpoints: refusals never reach a handler.</summary>
    public static IApplicationBuilder UseApiAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = app.ApplicationServices.GetRequiredService<ApiAccessOptions>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger<ApiAccessMiddleware>();
        if (access.RequiresToken && access.Token is null)
        {
            LogNoToken(logger, access.BindAddress, ApiAccessOptions.TokenVariable);
        }
        else if (access.RequiresToken)
        {
            LogTokenRequired(logger, access.BindAddress);
        }

        return app.UseMiddleware<ApiAccessMiddleware>();
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "The control plane listens on {Address}, not loopback, and {Variable} is not set: every state-changing API call will be refused")]
    private static partial void LogNoToken(ILogger logger, string address, string variable);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "The control plane listens on {Address}: state-changing API calls need the bearer token")]
    private static partial void LogTokenRequired(ILogger logger, string address);
}
