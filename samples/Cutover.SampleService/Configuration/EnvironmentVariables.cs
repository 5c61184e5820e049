namespace Cutover.SampleService.Configuration;

/// <summary>The environment variables the release tool sets per instance and per version.</summary>
internal static class EnvironmentVariables
{
    /// <summary>Port to listen on, on <see cref="BindAddress"/>. Default 5000.</summary>
    public const string Port = "PORT";

    /// <summary>
    /// IP address to listen on. Default 127.0.0.1: locally only the load balancer on the same host may reach an
    /// instance. The container image sets 0.0.0.0, because there the load balancer reaches the task from outside.
    /// </summary>
    public const string BindAddress = "CUTOVER_BIND_ADDRESS";

    /// <summary>Version reported by <c>/</c>, the <c>X-Cutover-Version</c> header and build info. Default <c>dev</c>.</summary>
    public const string Version = "CUTOVER_VERSION";

    /// <summary>Instance id. Default machine name and process id.</summary>
    public const string InstanceId = "CUTOVER_INSTANCE_ID";

    /// <summary>Greeting returned by <c>/</c>. Default <c>hello</c>.</summary>
    public const string Greeting = "GREETING";

    /// <summary>Share (0..1) of <c>/</c> requests answered 500. Default 0.</summary>
    public const string FaultErrorRate = "CUTOVER_FAULT_ERROR_RATE";

    /// <summary>Milliseconds added to every <c>/</c> request. Default 0.</summary>
    public const string FaultLatencyMs = "CUTOVER_FAULT_LATENCY_MS";

    /// <summary>MiB allocated, touched and kept per second by a background loop. Default 0.</summary>
    public const string FaultMemoryGrowthMbPerSecond = "CUTOVER_FAULT_MEMORY_GROWTH_MB_PER_S";

    /// <summary><c>true</c>: <c>/health/ready</c> always answers 503. Default false.</summary>
    public const string FaultFailReadiness = "CUTOVER_FAULT_FAIL_READINESS";

    /// <summary><c>true</c>: log an error and exit with code 3 before listening. Default false.</summary>
    public const string FaultCrashAtStart = "CUTOVER_FAULT_CRASH_AT_START";

    /// <summary>Seed for the error-rate decisions, so tests are reproducible. Default: unseeded.</summary>
    public const string FaultSeed = "CUTOVER_FAULT_SEED";

    /// <summary>Memory budget in MiB the instance is judged against, exposed as <c>cutover_memory_limit_bytes</c>. Default 512.</summary>
    public const string MemoryLimitMb = "CUTOVER_MEMORY_LIMIT_MB";

    /// <summary>Seconds the host waits for in-flight requests after SIGTERM (includes the delay). Default 15.</summary>
    public const string ShutdownTimeoutSeconds = "CUTOVER_SHUTDOWN_TIMEOUT_S";

    /// <summary>Milliseconds after SIGTERM during which new requests are still accepted, like a preStop hook. Default 0.</summary>
    public const string ShutdownDelayMs = "CUTOVER_SHUTDOWN_DELAY_MS";

    /// <summary>
    /// Path of a JSON file in Microsoft.FeatureManagement's schema (<c>{"FeatureManagement": {"new-greeting": true}}</c>),
    /// reloaded when it changes. Cutover's local control plane sets it. Default: none.
    /// </summary>
    public const string FeatureFlagsFile = "CUTOVER_FEATURE_FLAGS_FILE";

    /// <summary>URL polled for feature flags in AWS AppConfig's format: the AppConfig agent's local endpoint on AWS. Default: none.</summary>
    public const string FeatureFlagsUrl = "FEATURE_FLAGS_URL";

    /// <summary>Seconds between polls of <see cref="FeatureFlagsUrl"/>. Default 15.</summary>
    public const string FeatureFlagsPollIntervalSeconds = "FEATURE_FLAGS_POLL_INTERVAL_S";
}
