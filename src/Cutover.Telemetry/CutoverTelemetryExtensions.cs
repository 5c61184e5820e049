using System.Diagnostics.Metrics;
using Cutover.Telemetry.Emf;
using Cutover.Telemetry.Http;
using Cutover.Telemetry.Logging;
using Cutover.Telemetry.Metrics;
using Cutover.Telemetry.Runtime;
using Cutover.Telemetry.Tracing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cutover.Telemetry;

/// <summary>The one line that instruments an ASP.NET Core service.</summary>
public static class CutoverTelemetryExtensions
{
    /// <summary>
    /// Adds request, process and runtime metrics plus the meters named in <see cref="CutoverTelemetryOptions.Meters"/>,
    /// served in the Prometheus text format on <see cref="CutoverTelemetryOptions.MetricsPath"/>; optional CloudWatch
    /// EMF lines; JSON console logs carrying trace and span ids; and a server span per request that continues the W3C
    /// trace context, exported over OTLP when an endpoint is configured. The middleware is put in front of the pipeline
    /// by a startup filter, so nothing else is needed in <c>Program.cs</c>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options or their environment variables are invalid; lists every problem.</exception>
    /// <exception cref="InvalidOperationException">Called a second time for the same builder.</exception>
    public static TBuilder AddCutoverTelemetry<TBuilder>(this TBuilder builder, Action<CutoverTelemetryOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(service => service.ServiceType == typeof(CutoverTelemetryOptions)))
        {
            throw new InvalidOperationException("AddCutoverTelemetry was already called for this builder; configure everything in one call.");
        }

        var (options, errors) = Defaults(builder.Configuration, builder.Environment);
        configure?.Invoke(options);
        errors.AddRange(options.Validate());
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(CutoverTelemetryOptions), typeof(CutoverTelemetryOptions), errors);
        }

        if (options.JsonConsoleLogging)
        {
            builder.Logging.AddTraceJsonConsole();
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(options);
        services.AddSingleton<HttpMetrics>();
        services.AddSingleton<ProcessMetrics>();
        services.AddSingleton<RequestTracing>();
        services.AddSingleton<EmfSink>();
        services.AddHostedService<TelemetryStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<EmfSink>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, TelemetryStartupFilter>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                options.ServiceName,
                serviceVersion: options.ServiceVersion,
                autoGenerateServiceInstanceId: false,
                serviceInstanceId: options.ServiceInstanceId))
            .WithTracing(tracing => ConfigureTracing(tracing, options, builder.Configuration[TelemetryEnvironmentVariables.OtlpEndpoint]))
            .WithMetrics(metrics => ConfigureMetrics(metrics, options));
        return builder;
    }

    private static (CutoverTelemetryOptions Options, List<string> Errors) Defaults(IConfiguration configuration, IHostEnvironment environment)
    {
        var errors = new List<string>();
        var options = new CutoverTelemetryOptions
        {
            ServiceName = Text(configuration, TelemetryEnvironmentVariables.ServiceName) ?? environment.ApplicationName,
        };
        options.Emf.Namespace = Text(configuration, TelemetryEnvironmentVariables.EmfNamespace) ?? EmfOptions.DefaultNamespace;
        switch (Text(configuration, TelemetryEnvironmentVariables.Emf)?.ToUpperInvariant())
        {
            case null or "FALSE" or "0":
                break;
            case "TRUE" or "1":
                options.Emf.Enabled = true;
                break;
            default:
                errors.Add($"{TelemetryEnvironmentVariables.Emf} must be true or false, but was '{Text(configuration, TelemetryEnvironmentVariables.Emf)}'.");
                break;
        }

        if (Text(configuration, TelemetryEnvironmentVariables.OtlpEndpoint) is { } endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                options.OtlpEndpoint = uri;
            }
            else
            {
                errors.Add($"{TelemetryEnvironmentVariables.OtlpEndpoint} must be an absolute URI, but was '{endpoint}'.");
            }
        }

        return (options, errors);
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, CutoverTelemetryOptions options, string? configuredEndpoint)
    {
        tracing.AddSource(RequestTracing.ActivitySourceName);
        foreach (var source in options.TraceSources)
        {
            tracing.AddSource(source);
        }

        if (options.OtlpEndpoint is { } endpoint)
        {
            // Set from the environment, the exporter reads the endpoint (and protocol, headers, the /v1/traces path of
            // http/protobuf) itself; set in code, the endpoint is used as given.
            var fromEnvironment = Uri.TryCreate(configuredEndpoint?.Trim(), UriKind.Absolute, out var configured) && configured == endpoint;
            tracing.AddOtlpExporter(otlp =>
            {
                if (!fromEnvironment)
                {
                    otlp.Endpoint = endpoint;
                }
            });
        }

        options.ConfigureTracing?.Invoke(tracing);
    }

    private static void ConfigureMetrics(MeterProviderBuilder metrics, CutoverTelemetryOptions options)
    {
        metrics.AddMeter([.. MeterNames(options)]);
        // WithMetrics hands out a deferred builder: the view needs this host's meter factory, known once built.
        ((IDeferredMeterProviderBuilder)metrics).Configure(static (provider, builder) => builder.AddView(MetricViews.For(provider.GetRequiredService<IMeterFactory>())));
        // Not prometheus-net: its MeterAdapter prefixes the meter name, adds no unit suffix and exposes counters as
        // gauges, so cutover_memory_limit_bytes and every business metric's name would change (docs/telemetry.md).
        metrics.AddPrometheusExporter(exporter =>
        {
            // Every scrape observes anew: the default 300 ms cache would answer a second scrape with the first.
            exporter.ScrapeResponseCacheDurationMilliseconds = 0;

            // Scope labels (otel_scope_name) differ per meter, so resident memory (our meter) divided by a service's
            // memory limit (its meter), as the memory alarm does, would match no series. Both are off, as before.
            exporter.ScopeInfoEnabled = false;
            exporter.TargetInfoEnabled = false;
        });
    }

    private static ILoggingBuilder AddTraceJsonConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(console => console.FormatterName = TraceJsonConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<TraceJsonConsoleFormatter, TraceJsonConsoleFormatterOptions>();
        // The middleware writes the one line per request; the hosting diagnostics would add two more.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return logging;
    }

    private static IEnumerable<string> MeterNames(CutoverTelemetryOptions options)
    {
        yield return HttpMetrics.MeterName;
        yield return ProcessMetrics.MeterName;
        if (options.RuntimeMetrics)
        {
            yield return MetricViews.RuntimeMeterName;
            yield return ProcessMetrics.RuntimeLevelsMeterName;
        }

        foreach (var meter in options.Meters)
        {
            yield return meter;
        }
    }

    private static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
