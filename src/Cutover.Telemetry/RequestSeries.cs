namespace Cutover.Telemetry;

/// <summary>A series of <c>http_requests_total</c>, by status code and route template, for example <c>(500, "/")</c>.</summary>
public readonly record struct RequestSeries(int StatusCode, string Route);
