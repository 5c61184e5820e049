using Cutover.SampleService.Configuration;

namespace Cutover.SampleService.Metrics;

/// <summary>The metrics this service exposes on <c>/metrics</c>, with the names dashboards and alarms rely on.</summary>
internal sealed class SampleMetrics
{
    public const string RequestsTotal = "http_requests_total";
    public const string RequestDuration = "http_request_duration_seconds";
    public const string RequestsInFlight = "http_requests_in_flight";
    public const string ResidentMemoryBytes = "process_resident_memory_bytes";
    public const string MemoryLimitBytes = "cutover_memory_limit_bytes";
    public const string BuildInfo = "cutover_build_info";

    /// <summary>Path label of requests that matched no endpoint, so the label set stays bounded.</summary>
    public const string OtherPath = "other";

    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];

    private readonly Counter<(int Code, string Path)> _requests;
    private readonly Histogram<string> _duration;

    public SampleMetrics(SampleOptions options, Func<long> readResidentBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readResidentBytes);
        Registry = new MetricsRegistry();
        _requests = Registry.Register(new Counter<(int Code, string Path)>(
            RequestsTotal,
            "HTTP requests completed, by status code and route template.",
            static key => [new Label("code", StatusCodeText(key.Code)), new Label("path", key.Path)]));
        _duration = Registry.Register(new Histogram<string>(
            RequestDuration,
            "HTTP request duration in seconds, by route template.",
            DurationBuckets,
            static path => [new Label("path", path)]));
        // The series alarms divide by exist from the first scrape, at 0: increase() over a series that appears
        // mid-window misses its first errors, which would delay detecting a bad version by a scrape or two.
        _requests.Increment((200, "/"), 0);
        _requests.Increment((500, "/"), 0);
        InFlight = Registry.Register(new Gauge(RequestsInFlight, "HTTP requests being served right now."));
        Registry.Register(new CallbackGauge(ResidentMemoryBytes, "Resident memory size in bytes.", () => readResidentBytes()));
        Registry.Register(new CallbackGauge(
            MemoryLimitBytes,
            "Memory budget of this instance in bytes; memory utilization is process_resident_memory_bytes / this.",
            () => options.MemoryLimitBytes));
        Registry.Register(new CallbackGauge(
            BuildInfo,
            "Version and instance of this process; the value is always 1.",
            static () => 1,
            new Label("version", options.Version),
            new Label("instance", options.InstanceId)));
    }

    public MetricsRegistry Registry { get; }

    public Gauge InFlight { get; }

    public void RecordRequest(int statusCode, string path, TimeSpan duration)
    {
        _requests.Increment((statusCode, path));
        _duration.Observe(path, duration.TotalSeconds);
    }

    private static string StatusCodeText(int code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
