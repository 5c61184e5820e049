namespace Cutover.Telemetry.Emf;

/// <summary>One completed request, as it goes into an EMF line.</summary>
internal readonly record struct EmfRequest(
    DateTimeOffset Timestamp,
    string Method,
    string Route,
    int StatusCode,
    TimeSpan Duration,
    string? TraceId);
