using System.Net;

namespace Cutover.SampleService.Configuration;

/// <summary>The validated configuration of one instance; see <see cref="EnvironmentVariables"/> for the sources.</summary>
internal sealed record SampleOptions
{
    public const int DefaultPort = 5000;
    public const string DefaultVersion = "dev";
    public const string DefaultGreeting = "hello";
    public const long DefaultMemoryLimitMb = 512;
    public const double DefaultShutdownTimeoutSeconds = 15;

    public int Port { get; init; } = DefaultPort;

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    public string Version { get; init; } = DefaultVersion;

    public required string InstanceId { get; init; }

    public string Greeting { get; init; } = DefaultGreeting;

    public FaultOptions Faults { get; init; } = new();

    public long MemoryLimitBytes { get; init; } = DefaultMemoryLimitMb * 1024 * 1024;

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(DefaultShutdownTimeoutSeconds);

    public TimeSpan ShutdownDelay { get; init; } = TimeSpan.Zero;
}
