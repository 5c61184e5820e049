namespace Cutover.Telemetry;

/// <summary>Environment variables (or any configuration key of the same name) that set the defaults of <see cref="CutoverTelemetryOptions"/>.</summary>
public static class TelemetryEnvironmentVariables
{
    /// <summary><c>true</c>: write one CloudWatch Embedded Metric Format line per request to standard output. Default false.</summary>
    public const string Emf = "CUTOVER_TELEMETRY_EMF";

    /// <summary>CloudWatch namespace of the EMF metrics. Default <c>Cutover</c>.</summary>
    public const string EmfNamespace = "CUTOVER_TELEMETRY_EMF_NAMESPACE";

    /// <summary>OpenTelemetry's own: where spans are sent over OTLP. Unset: no exporter, spans still give logs their ids.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OpenTelemetry's own: the service name of spans and EMF lines. Default the application name.</summary>
    public const string ServiceName = "OTEL_SERVICE_NAME";
}
