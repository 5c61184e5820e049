using System.Diagnostics.Metrics;
using System.Globalization;
using OpenTelemetry.Metrics;

namespace Cutover.Telemetry.Http;

/// <summary>
/// The request instruments, named so that their Prometheus names are the ones dashboards and alarms rely on:
/// <c>http_requests_total{code,path}</c>, <c>http_request_duration_seconds{path}</c>, <c>http_requests_in_flight</c>.
/// </summary>
internal sealed class HttpMetrics
{
    public const string MeterName = "Cutover.Telemetry.Http";

    /// <summary>Path label of requests that matched no endpoint, so the label set stays bounded.</summary>
    public const string OtherRoute = "other";

    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];

    private static readonly string[] StatusCodeTexts = [.. Enumerable.Range(0, 600).Select(code => code.ToString(CultureInfo.InvariantCulture))];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _inFlight;

    /// <param name="meterFactory">Creates the meter, scoped to this host.</param>
    /// <param name="meterProvider">
    /// Taken only so it listens before the initial series are recorded below: a measurement nobody listens to is lost.
    /// </param>
    /// <param name="options">The initial series.</param>
    public HttpMetrics(IMeterFactory meterFactory, MeterProvider meterProvider, CutoverTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(meterProvider);
        ArgumentNullException.ThrowIfNull(options);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "http.requests",
            unit: null,
            description: "HTTP requests completed, by status code and route template.");
        _duration = meter.CreateHistogram(
            "http.request.duration",
            "s",
            "HTTP request duration in seconds, by route template.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _inFlight = meter.CreateUpDownCounter<long>("http.requests.in_flight", "{request}", "HTTP requests being served right now.");

        // The series alarms divide by exist from the first scrape, at 0: increase() over a series that appears
        // mid-window misses its first errors, which would delay detecting a bad version by a scrape or two.
        foreach (var series in options.InitialRequestSeries)
        {
            _requests.Add(0, Code(series.StatusCode), Path(series.Route));
        }

        _inFlight.Add(0);
    }

    public void RequestStarted() => _inFlight.Add(1);

    public void RequestCompleted(int statusCode, string route, TimeSpan duration)
    {
        _inFlight.Add(-1);
        _requests.Add(1, Code(statusCode), Path(route));
        _duration.Record(duration.TotalSeconds, Path(route));
    }

    private static KeyValuePair<string, object?> Code(int statusCode) =>
        new("code", statusCode is >= 0 and < 600 ? StatusCodeTexts[statusCode] : statusCode.ToString(CultureInfo.InvariantCulture));

    private static KeyValuePair<string, object?> Path(string route) => new("path", route);
}
