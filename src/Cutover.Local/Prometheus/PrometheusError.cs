namespace Cutover.Local.Prometheus;

/// <summary>An expected failure of a Prometheus API call.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">For <see cref="PrometheusErrorKind.Api"/>, Prometheus's own <c>error</c> text; otherwise what we saw.</param>
/// <param name="ErrorType">Prometheus's <c>errorType</c> (<c>bad_data</c>, <c>execution</c>, <c>timeout</c>, ...), when it sent one.</param>
/// <param name="StatusCode">The HTTP status code, when there was a response.</param>
public sealed record PrometheusError(PrometheusErrorKind Kind, string Message, string? ErrorType = null, int? StatusCode = null);
