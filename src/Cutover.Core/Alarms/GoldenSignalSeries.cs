namespace Cutover.Core.Alarms;

/// <summary>
/// The Prometheus series the built-in metrics are read from on the local target. The control plane measures them for
/// every service, instrumented or not, as the ALB and ECS do on AWS (issue 12): requests, status classes and response
/// times from HAProxy's log of every request, health from HAProxy's checks, memory and CPU from <c>/proc</c> over each
/// instance's process tree. Every series carries <c>version</c> and <c>instance_id</c>; the service's own
/// <c>/metrics</c> (job <c>service</c>) are optional custom metrics.
/// </summary>
public static class GoldenSignalSeries
{
    /// <summary>The scrape job of the control plane's golden-signals endpoint.</summary>
    public const string Job = "signals";

    /// <summary>
    /// Counter of requests HAProxy passed to an instance, by <c>code</c> class (<c>2xx</c> ... <c>5xx</c>) and
    /// <c>source</c>: <c>instance</c> when the instance sent the status, <c>lb</c> when HAProxy made it up (a timeout,
    /// a connection refused or reset). Every class and source exists at 0 from the moment the instance is known.
    /// </summary>
    public const string Requests = "cutover_lb_requests_total";

    /// <summary>
    /// Histogram (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>) of the time from HAProxy sending the request to the
    /// instance to receiving its response headers (HAProxy's <c>Tr</c>; the ALB's <c>TargetResponseTime</c>), in seconds.
    /// </summary>
    public const string ResponseSeconds = "cutover_lb_response_seconds";

    /// <summary>Gauge, 1 while HAProxy's checks hold an instance down that had been up since it joined the pool, else 0.</summary>
    public const string Unhealthy = "cutover_lb_instance_unhealthy";

    /// <summary>Gauge: resident memory of the instance's process and all its descendants, in bytes.</summary>
    public const string ResidentMemory = "cutover_instance_resident_memory_bytes";

    /// <summary>Gauge: the memory the instance is judged against, in bytes.</summary>
    public const string MemoryLimit = "cutover_instance_memory_limit_bytes";

    /// <summary>Counter: CPU time (user and system) of the instance's process tree, in seconds.</summary>
    public const string CpuSeconds = "cutover_instance_cpu_seconds_total";

    /// <summary>The <c>code</c> label of 5xx answers.</summary>
    public const string ServerErrorClass = "5xx";

    /// <summary>The <c>source</c> label of statuses the instance sent.</summary>
    public const string FromInstance = "instance";

    /// <summary>The <c>source</c> label of statuses HAProxy generated itself.</summary>
    public const string FromLoadBalancer = "lb";

    /// <summary>The response-time histogram's upper bounds, in seconds; the 2 s latency threshold is one of them.</summary>
    public static IReadOnlyList<double> ResponseBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10, 30];
}
