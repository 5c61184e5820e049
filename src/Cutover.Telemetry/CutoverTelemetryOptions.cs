using OpenTelemetry.Trace;

namespace Cutover.Telemetry;

/// <summary>
/// What <see cref="CutoverTelemetryExtensions.AddCutoverTelemetry{TBuilder}"/> sets up. Every default is usable as is;
/// defaults marked with an environment variable read it from configuration first (see <see cref="TelemetryEnvironmentVariables"/>).
/// </summary>
public sealed class CutoverTelemetryOptions
{
    /// <summary>Default of <see cref="MetricsPath"/>.</summary>
    public const string DefaultMetricsPath = "/metrics";

    /// <summary>Service name on spans and EMF lines. Default: <see cref="TelemetryEnvironmentVariables.ServiceName"/>, else the application name.</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>Version on spans and EMF lines. Default <c>unknown</c>.</summary>
    public string ServiceVersion { get; set; } = "unknown";

    /// <summary>Instance id on spans and EMF lines. Default machine name and process id.</summary>
    public string ServiceInstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Path that serves the Prometheus text format; <see langword="null"/> serves none. Default <c>/metrics</c>.</summary>
    public string? MetricsPath { get; set; } = DefaultMetricsPath;

    /// <summary>
    /// Further meters whose every instrument is exported (business metrics). The request, process and runtime meters
    /// are always exported (the runtime's unless <see cref="RuntimeMetrics"/> is off).
    /// </summary>
    public ISet<string> Meters { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Export the runtime's <c>System.Runtime</c> meter: CPU time, GC, heap, thread pool, exceptions. Default true.</summary>
    public bool RuntimeMetrics { get; set; } = true;

    /// <summary>
    /// Series of <c>http_requests_total</c> that exist at 0 from the first scrape. Default <c>(200, "/")</c> and
    /// <c>(500, "/")</c>: increase() over a series that appears mid-window misses its first errors, which would delay
    /// an error-rate alarm on a bad version by a scrape or two.
    /// </summary>
    public IList<RequestSeries> InitialRequestSeries { get; } = [new(200, "/"), new(500, "/")];

    /// <summary>CloudWatch Embedded Metric Format lines.</summary>
    public EmfOptions Emf { get; } = new();

    /// <summary>Replace the log providers by JSON on the console, with the current trace and span id on every line. Default true.</summary>
    public bool JsonConsoleLogging { get; set; } = true;

    /// <summary>Further <see cref="System.Diagnostics.ActivitySource"/> names whose spans are recorded and exported.</summary>
    public ISet<string> TraceSources { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// OTLP endpoint for spans; <see langword="null"/> adds no exporter. Default:
    /// <see cref="TelemetryEnvironmentVariables.OtlpEndpoint"/>, with the other <c>OTEL_EXPORTER_OTLP_*</c> variables
    /// (protocol, headers) read by the exporter itself.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Last say over tracing: add processors, samplers or exporters.</summary>
    public Action<TracerProviderBuilder>? ConfigureTracing { get; set; }

    /// <summary>Adds meters to <see cref="Meters"/>.</summary>
    public CutoverTelemetryOptions AddMeter(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Meters.Add(name);
        }

        return this;
    }

    /// <summary>Adds activity sources to <see cref="TraceSources"/>.</summary>
    public CutoverTelemetryOptions AddSource(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            TraceSources.Add(name);
        }

        return this;
    }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            errors.Add("ServiceName must not be empty.");
        }

        if (MetricsPath is { } path && (!path.StartsWith('/') || path.Length < 2))
        {
            errors.Add($"MetricsPath must start with '/' and name a path, but was '{path}'.");
        }

        if (Meters.Any(string.IsNullOrWhiteSpace) || TraceSources.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Meter and trace source names must not be empty.");
        }

        if (InitialRequestSeries.Any(series => series.StatusCode is < 100 or > 599 || string.IsNullOrEmpty(series.Route)))
        {
            errors.Add("InitialRequestSeries need a status code from 100 to 599 and a route.");
        }

        if (string.IsNullOrWhiteSpace(Emf.Namespace) || Emf.Namespace.Length > 255 || Emf.Namespace.StartsWith("AWS/", StringComparison.Ordinal))
        {
            errors.Add($"Emf.Namespace must be 1 to 255 characters and not start with 'AWS/', but was '{Emf.Namespace}'.");
        }

        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            errors.Add($"OtlpEndpoint must be an absolute http or https URI, but was '{endpoint}'.");
        }

        return errors;
    }
}
