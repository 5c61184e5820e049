namespace Cutover.Telemetry;

/// <summary>CloudWatch Embedded Metric Format output: one JSON line per request on standard output.</summary>
public sealed class EmfOptions
{
    /// <summary>Default of <see cref="Namespace"/>.</summary>
    public const string DefaultNamespace = "Cutover";

    /// <summary>Write EMF lines. Default: <see cref="TelemetryEnvironmentVariables.Emf"/>, else false.</summary>
    public bool Enabled { get; set; }

    /// <summary>CloudWatch namespace. Default: <see cref="TelemetryEnvironmentVariables.EmfNamespace"/>, else <see cref="DefaultNamespace"/>.</summary>
    public string Namespace { get; set; } = DefaultNamespace;

    /// <summary>
    /// Routes that are not user traffic and get no EMF line, by prefix. Default <c>/health/</c> and <c>/metrics</c>,
    /// the same requests the local alarms leave out.
    /// </summary>
    public IList<string> ExcludedRoutePrefixes { get; } = ["/health/", "/metrics"];

    /// <summary>Where the lines go. Default: standard output, where the CloudWatch agent or awslogs driver reads them.</summary>
    public TextWriter? Output { get; set; }
}
