using Cutover.SampleService.Configuration;
using Cutover.SampleService.Faults;
using Cutover.SampleService.Health;
using Cutover.SampleService.Logging;
using Cutover.SampleService.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cutover.SampleService.Hosting;

/// <summary>Composition of the sample service: configuration, Kestrel, services and the start-up checks.</summary>
internal static class SampleServiceExtensions
{
    /// <summary>
    /// Reads the environment and, when the configuration is valid, sets up Kestrel on the bind address (127.0.0.1
    /// unless <see cref="EnvironmentVariables.BindAddress"/> says otherwise) plus the services.
    /// The result is checked by <see cref="ExitCodeBeforeStart"/> once logging (JSON, from Cutover.Telemetry) exists.
    /// </summary>
    public static SampleOptionsResult AddSampleService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var result = SampleOptionsParser.Parse(builder.Configuration, $"{Environment.MachineName}-{Environment.ProcessId}");
        if (result.Options is { } options)
        {
            // Listen() replaces any ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS: the instance must never be reachable
            // except through the load balancer, on loopback locally unless the container image widens it.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port));
            builder.Services.AddSampleServices(options);
        }

        return result;
    }

    public static IServiceCollection AddSampleServices(this IServiceCollection services, SampleOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        services.AddSingleton(new ReadinessState(options.Faults.FailReadiness));
        services.AddSingleton(new ErrorDecider(options.Faults.ErrorRate, options.Faults.Seed));
        services.AddHostedService<SampleMetrics>();
        services.AddSingleton<MemoryBallast>();
        services.AddHostedService<ShutdownCoordinator>();
        services.AddHostedService<MemoryGrowthService>();
        return services;
    }

    /// <summary>
    /// Logs every configuration problem and returns <see cref="ExitCodes.InvalidConfiguration"/>, or honours the
    /// crash-at-start fault; <see langword="null"/> means start listening.
    /// </summary>
    public static int? ExitCodeBeforeStart(this WebApplication app, SampleOptionsResult result)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(result);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cutover.SampleService");
        if (result.Options is not { } options)
        {
            foreach (var problem in result.Errors)
            {
                Log.InvalidConfiguration(logger, problem);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (options.Faults.CrashAtStart)
        {
            Log.CrashingAtStart(logger, ExitCodes.CrashedAtStart);
            return ExitCodes.CrashedAtStart;
        }

        Log.Starting(logger, options.Version, options.InstanceId, options.Port);
        if (options.Faults != new FaultOptions { Seed = options.Faults.Seed })
        {
            Log.FaultsActive(
                logger,
                options.Faults.ErrorRate,
                options.Faults.AddedLatency.TotalMilliseconds,
                options.Faults.MemoryGrowthMbPerSecond,
                options.Faults.FailReadiness);
        }

        return null;
    }
}
