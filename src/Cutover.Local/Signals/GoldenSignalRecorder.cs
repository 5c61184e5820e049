using System.Globalization;
using System.Text;
using Cutover.Core.Alarms;
using Cutover.Core.Instances;
using Cutover.Core.Routing;
using Cutover.Local.Haproxy;

namespace Cutover.Local.Signals;

/// <summary>
/// The golden signals per instance, measured by the control plane for any service (issue 12): requests by status
/// class and by who sent the status, and response times, from HAProxy's request lines; health from HAProxy's checks;
/// memory and CPU from the process tree. Rendered in Prometheus text format as <see cref="GoldenSignalSeries"/>.
/// Every series of an instance exists from the moment it is tracked, at 0, because Prometheus's <c>increase()</c> only
/// sees what a series gains after its first sample: a 5xx series born at 1 would hide the first error from the alarm.
/// Thread-safe.
/// </summary>
/// <param name="serviceName">The <c>service</c> label.</param>
/// <param name="instances">Asked for the instances again when a request went to a port no tracked instance has: one that just started.</param>
public sealed class GoldenSignalRecorder(string serviceName, Func<IReadOnlyCollection<InstanceEndpoint>>? instances = null)
{
    private static readonly string[] Classes = ["1xx", "2xx", "3xx", "4xx", "5xx"];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Series> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _idByPort = [];
    private readonly HashSet<string> _seenUp = new(StringComparer.Ordinal);
    private long _unrouted;

    /// <summary>
    /// The instances to measure: the ones the platform answers for, crashed ones included (HAProxy's checks show them
    /// down). Series of instances no longer listed are dropped.
    /// </summary>
    public void Track(IReadOnlyCollection<InstanceEndpoint> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        lock (_gate)
        {
            var wanted = instances.ToDictionary(i => i.Id, StringComparer.Ordinal);
            foreach (var gone in _byId.Keys.Where(id => !wanted.ContainsKey(id)).ToList())
            {
                _byId.Remove(gone);
                _seenUp.Remove(gone);
            }

            _idByPort.Clear();
            foreach (var instance in instances)
            {
                if (!_byId.TryGetValue(instance.Id, out var series) || series.Instance != instance)
                {
                    _byId[instance.Id] = new Series(instance);
                }

                _idByPort[instance.Port] = instance.Id;
            }
        }
    }

    /// <summary>Counts one request HAProxy logged; one to an instance that is not tracked counts as unrouted.</summary>
    internal bool Record(HaproxyRequestLog request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (instances is not null && request.ServerPort is { } unknown && !IsTracked(unknown))
        {
            Track(instances());
        }

        lock (_gate)
        {
            if (request.ServerPort is not { } port || !_idByPort.TryGetValue(port, out var id))
            {
                _unrouted++;
                return false;
            }

            var series = _byId[id];
            var statusClass = request.Status / 100;
            if (statusClass is >= 1 and <= 5)
            {
                series.Requests[statusClass - 1, request.FromInstance ? 0 : 1]++;
            }

            if (request.ResponseMilliseconds is { } milliseconds)
            {
                var seconds = milliseconds / 1000.0;
                var buckets = GoldenSignalSeries.ResponseBuckets;
                for (var i = 0; i < buckets.Count; i++)
                {
                    if (seconds <= buckets[i])
                    {
                        series.Buckets[i]++;
                    }
                }

                series.ResponseCount++;
                series.ResponseSum += seconds;
            }

            return true;
        }
    }

    private bool IsTracked(int port)
    {
        lock (_gate)
        {
            return _idByPort.ContainsKey(port);
        }
    }

    /// <summary>
    /// HAProxy's view of the production pool: an instance is unhealthy while its checks hold it down after it had been up
    /// since it joined. One that never came up is still booting and the health gate's to judge.
    /// </summary>
    public void ObserveHealth(IReadOnlyCollection<RoutedInstance> routed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        lock (_gate)
        {
            foreach (var series in _byId.Values)
            {
                var lb = routed.FirstOrDefault(r => r.InstanceId == series.Instance.Id);
                if (lb is { Healthy: true })
                {
                    _seenUp.Add(series.Instance.Id);
                }

                series.Unhealthy = lb is { Healthy: false } && _seenUp.Contains(series.Instance.Id) && lb.Status.StartsWith("DOWN", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Every series in Prometheus text format, with <paramref name="usage"/> by process id for memory and CPU.</summary>
    public string Render(IReadOnlyDictionary<int, ProcessTreeUsage> usage, long memoryLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var text = new StringBuilder();
        var service = Escape(serviceName);
        lock (_gate)
        {
            var all = _byId.Values.OrderBy(s => s.Instance.Version, StringComparer.Ordinal).ThenBy(s => s.Instance.Id, StringComparer.Ordinal).ToList();
            string Labels(Series s) => $"service=\"{service}\",version=\"{Escape(s.Instance.Version)}\",instance_id=\"{Escape(s.Instance.Id)}\"";

            Header(text, GoldenSignalSeries.Requests, "counter", "Requests HAProxy passed to the instance, by status class and by who sent the status (instance, or lb when HAProxy made it up).");
            foreach (var s in all)
            {
                for (var c = 0; c < Classes.Length; c++)
                {
                    Sample(text, GoldenSignalSeries.Requests, $"{Labels(s)},code=\"{Classes[c]}\",source=\"{GoldenSignalSeries.FromInstance}\"", s.Requests[c, 0]);
                    Sample(text, GoldenSignalSeries.Requests, $"{Labels(s)},code=\"{Classes[c]}\",source=\"{GoldenSignalSeries.FromLoadBalancer}\"", s.Requests[c, 1]);
                }
            }

            Header(text, "cutover_lb_unrouted_requests_total", "counter", "Requests HAProxy answered without an instance (no server up, or one not tracked).");
            Sample(text, "cutover_lb_unrouted_requests_total", $"service=\"{service}\"", _unrouted);

            var seconds = GoldenSignalSeries.ResponseSeconds;
            Header(text, seconds, "histogram", "Time from HAProxy sending the request to the instance until its response headers (HAProxy's Tr), in seconds.");
            foreach (var s in all)
            {
                for (var i = 0; i < GoldenSignalSeries.ResponseBuckets.Count; i++)
                {
                    Sample(text, seconds + "_bucket", $"{Labels(s)},le=\"{GoldenSignalSeries.ResponseBuckets[i].ToString(CultureInfo.InvariantCulture)}\"", s.Buckets[i]);
                }

                Sample(text, seconds + "_bucket", $"{Labels(s)},le=\"+Inf\"", s.ResponseCount);
                Sample(text, seconds + "_sum", Labels(s), s.ResponseSum);
                Sample(text, seconds + "_count", Labels(s), s.ResponseCount);
            }

            Header(text, GoldenSignalSeries.Unhealthy, "gauge", "1 while HAProxy's checks hold the instance down after it had been up.");
            foreach (var s in all)
            {
                Sample(text, GoldenSignalSeries.Unhealthy, Labels(s), s.Unhealthy ? 1 : 0);
            }

            var measured = all.Where(s => usage.ContainsKey(s.Instance.ProcessId)).ToList();
            Header(text, GoldenSignalSeries.ResidentMemory, "gauge", "Resident memory of the instance's process tree, from /proc, in bytes.");
            foreach (var s in measured)
            {
                Sample(text, GoldenSignalSeries.ResidentMemory, Labels(s), usage[s.Instance.ProcessId].ResidentBytes);
            }

            Header(text, GoldenSignalSeries.MemoryLimit, "gauge", "The memory the instance is judged against, in bytes.");
            foreach (var s in measured)
            {
                Sample(text, GoldenSignalSeries.MemoryLimit, Labels(s), memoryLimitBytes);
            }

            Header(text, GoldenSignalSeries.CpuSeconds, "counter", "User and system CPU time of the instance's process tree, from /proc, in seconds.");
            foreach (var s in measured)
            {
                Sample(text, GoldenSignalSeries.CpuSeconds, Labels(s), usage[s.Instance.ProcessId].CpuSeconds);
            }
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");

    private static void Sample(StringBuilder text, string name, string labels, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value.ToString("R", CultureInfo.InvariantCulture)}\n");

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Series(InstanceEndpoint instance)
    {
        public InstanceEndpoint Instance { get; } = instance;

        /// <summary>By status class (1xx..5xx), then source (0: instance, 1: HAProxy).</summary>
        public long[,] Requests { get; } = new long[5, 2];

        public long[] Buckets { get; } = new long[GoldenSignalSeries.ResponseBuckets.Count];

        public long ResponseCount { get; set; }

        public double ResponseSum { get; set; }

        public bool Unhealthy { get; set; }
    }
}
