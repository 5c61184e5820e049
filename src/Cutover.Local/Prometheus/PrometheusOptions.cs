using Cutover.Core.Manifest;
using static Cutover.Local.OptionChecks;

namespace Cutover.Local.Prometheus;

/// <summary>
/// How the local Prometheus is configured and run. Local release periods are seconds, so scraping and rule
/// evaluation default to every second.
/// </summary>
public sealed record PrometheusOptions
{
    /// <summary>Where the control plane serves the golden signals per instance, scraped as job <c>signals</c> with <see cref="ControlPlanePort"/>.</summary>
    public const string SignalsPath = "/api/v1/signals/metrics";

    private const string FinerUnitReason = "Prometheus durations have no finer unit";

    /// <summary>
    /// The folder Prometheus owns: <c>prometheus.yml</c>, <c>targets/instances.json</c>, <c>rules/*.yml</c> and the
    /// TSDB in <c>data/</c>. Relative paths are resolved against the current directory.
    /// </summary>
    public required string RuntimeDirectory { get; init; }

    /// <summary>The service name, written as the <c>service</c> label on every instance target.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The address Prometheus listens on and HAProxy's stats listener is scraped at. Default 127.0.0.1.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Prometheus web and API port. Default 9090.</summary>
    public int Port { get; init; } = 9090;

    /// <summary>HAProxy's stats and Prometheus exporter port, scraped as job <c>haproxy</c>. Default 8404.</summary>
    public int HaproxyStatsPort { get; init; } = 8404;

    /// <summary>
    /// The control plane, scraped as job <c>cutover</c> for the log metric filters' counters
    /// (<c>cutover_log_metric_total</c>) and as job <c>signals</c> for the golden signals at <see cref="SignalsPath"/>,
    /// so alarms can use them; null: not scraped.
    /// </summary>
    public int? ControlPlanePort { get; init; }

    /// <summary>The path instances expose their metrics on, scraped as job <c>service</c>. Default <c>/metrics</c>.</summary>
    public string ServiceMetricsPath { get; init; } = "/metrics";

    /// <summary>Global scrape interval. Default 1 s. Whole milliseconds only.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the control plane's golden signals are scraped. Default 250 ms: a 5xx lands in the alarm period it
    /// happened in unless it came in the period's last quarter second, so the error-rate alarm fires within 5 s of a
    /// version's first error (issue 12). Whole milliseconds only.
    /// </summary>
    public TimeSpan SignalsScrapeInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Global rule evaluation interval. Default 1 s. Whole milliseconds only.</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the config loads <c>rules/*.yml</c> from the runtime directory. Default true; an empty folder is fine.</summary>
    public bool LoadRuleFiles { get; init; } = true;

    /// <summary>How long start-up may take until <c>/-/ready</c> answers 200. Default 30 s.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stop waits after SIGTERM before killing the process. Default 10 s.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TSDB retention, in Prometheus duration syntax. Default <c>2d</c>.</summary>
    public string RetentionTime { get; init; } = "2d";

    /// <summary>
    /// TSDB size cap, in Prometheus byte syntax (<c>--storage.tsdb.retention.size</c>): the oldest blocks go first
    /// once it is reached, so metrics never fill the state dir (issue 10). Default <c>256MB</c>.
    /// </summary>
    public string RetentionSize { get; init; } = "256MB";

    /// <summary>The Prometheus binary: a path, or a name looked up on PATH. Default <c>prometheus</c>.</summary>
    public string PrometheusPath { get; init; } = "prometheus";

    /// <summary>
    /// The promtool binary used to check the config before start. <see langword="null"/> (the default) looks next to
    /// the Prometheus binary, then on PATH, and skips the check when there is none; an empty string skips the check.
    /// </summary>
    public string? PromtoolPath { get; init; }

    /// <summary>The generated configuration file.</summary>
    public string ConfigFilePath => Path.Combine(FullRuntimeDirectory, "prometheus.yml");

    /// <summary>The file_sd targets file for job <c>service</c>; Prometheus re-reads it without a reload.</summary>
    public string TargetsFilePath => Path.Combine(FullRuntimeDirectory, "targets", "instances.json");

    /// <summary>The folder whose <c>*.yml</c> files are loaded as rule files when <see cref="LoadRuleFiles"/> is set.</summary>
    public string RulesDirectory => Path.Combine(FullRuntimeDirectory, "rules");

    /// <summary>The TSDB folder.</summary>
    public string DataDirectory => Path.Combine(FullRuntimeDirectory, "data");

    private string FullRuntimeDirectory => Path.GetFullPath(RuntimeDirectory);

    /// <summary>Options for the ports a manifest declares.</summary>
    public static PrometheusOptions FromPorts(LocalPortsSpec ports, string runtimeDirectory, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return new PrometheusOptions
        {
            RuntimeDirectory = runtimeDirectory,
            ServiceName = serviceName,
            BindAddress = ports.BindAddress,
            Port = ports.PrometheusPort,
            HaproxyStatsPort = ports.HaproxyStatsPort,
            ControlPlanePort = ports.ControlPlanePort,
        };
    }

    /// <summary>Every problem with these options at once; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(RuntimeDirectory))
        {
            errors.Add("RuntimeDirectory is required.");
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            errors.Add("ServiceName is required.");
        }

        if (string.IsNullOrWhiteSpace(BindAddress))
        {
            errors.Add("BindAddress is required.");
        }

        CheckPort(errors, nameof(Port), Port);
        CheckPort(errors, nameof(HaproxyStatsPort), HaproxyStatsPort);
        if (!ServiceMetricsPath.StartsWith('/'))
        {
            errors.Add($"ServiceMetricsPath must start with '/', not '{ServiceMetricsPath}'.");
        }

        CheckWholeMilliseconds(errors, nameof(ScrapeInterval), ScrapeInterval, FinerUnitReason);
        CheckWholeMilliseconds(errors, nameof(EvaluationInterval), EvaluationInterval, FinerUnitReason);
        CheckWholeMilliseconds(errors, nameof(SignalsScrapeInterval), SignalsScrapeInterval, FinerUnitReason);
        CheckPositive(errors, nameof(ReadyTimeout), ReadyTimeout);
        CheckPositive(errors, nameof(StopTimeout), StopTimeout);
        if (string.IsNullOrWhiteSpace(RetentionTime))
        {
            errors.Add("RetentionTime is required.");
        }

        if (string.IsNullOrWhiteSpace(PrometheusPath))
        {
            errors.Add("PrometheusPath is required.");
        }

        return errors;
    }
}
