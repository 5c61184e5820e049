using System.Globalization;
using System.Net;

namespace Cutover.SampleService.Configuration;

/// <summary>
/// Reads <see cref="SampleOptions"/> from configuration (environment variables in production) and reports every
/// invalid value at once. An unset or blank variable takes its default.
/// </summary>
internal static class SampleOptionsParser
{
    private const int MaxLatencyMs = 10 * 60 * 1000;

    public static SampleOptionsResult Parse(IConfiguration configuration, string defaultInstanceId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var reader = new Reader(configuration, errors);

        var port = reader.Integer(EnvironmentVariables.Port, SampleOptions.DefaultPort, 1, 65535);
        var bindAddress = reader.Address(EnvironmentVariables.BindAddress, IPAddress.Loopback);
        var errorRate = reader.Number(EnvironmentVariables.FaultErrorRate, 0, 0, 1);
        var latencyMs = reader.Integer(EnvironmentVariables.FaultLatencyMs, 0, 0, MaxLatencyMs);
        var growth = reader.Number(EnvironmentVariables.FaultMemoryGrowthMbPerSecond, 0, 0, 1024);
        var failReadiness = reader.Boolean(EnvironmentVariables.FaultFailReadiness);
        var crashAtStart = reader.Boolean(EnvironmentVariables.FaultCrashAtStart);
        long? seed = reader.Text(EnvironmentVariables.FaultSeed) is null
            ? null
            : reader.Integer(EnvironmentVariables.FaultSeed, 0, int.MinValue, int.MaxValue);
        var limitMb = reader.Integer(EnvironmentVariables.MemoryLimitMb, SampleOptions.DefaultMemoryLimitMb, 1, 1024L * 1024 * 1024);
        var timeoutSeconds = reader.Number(EnvironmentVariables.ShutdownTimeoutSeconds, SampleOptions.DefaultShutdownTimeoutSeconds, 0, 3600);
        var delayMs = reader.Integer(EnvironmentVariables.ShutdownDelayMs, 0, 0, 3600 * 1000);

        if (errors.Count == 0 && delayMs >= timeoutSeconds * 1000 && delayMs > 0)
        {
            errors.Add(
                $"{EnvironmentVariables.ShutdownDelayMs} ({delayMs} ms) must be shorter than {EnvironmentVariables.ShutdownTimeoutSeconds} " +
                $"({timeoutSeconds.ToString(CultureInfo.InvariantCulture)} s): the timeout covers the delay and the drain of in-flight requests.");
        }

        if (errors.Count > 0)
        {
            return new SampleOptionsResult(null, errors);
        }

        var options = new SampleOptions
        {
            Port = (int)port,
            BindAddress = bindAddress,
            Version = reader.Text(EnvironmentVariables.Version) ?? SampleOptions.DefaultVersion,
            InstanceId = reader.Text(EnvironmentVariables.InstanceId) ?? defaultInstanceId,
            Greeting = reader.Text(EnvironmentVariables.Greeting) ?? SampleOptions.DefaultGreeting,
            Faults = new FaultOptions
            {
                ErrorRate = errorRate,
                AddedLatency = TimeSpan.FromMilliseconds(latencyMs),
                MemoryGrowthMbPerSecond = growth,
                FailReadiness = failReadiness,
                CrashAtStart = crashAtStart,
                Seed = seed is { } s ? (int)s : null,
            },
            MemoryLimitBytes = limitMb * 1024 * 1024,
            ShutdownTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            ShutdownDelay = TimeSpan.FromMilliseconds(delayMs),
        };
        return new SampleOptionsResult(options, []);
    }

    private sealed class Reader(IConfiguration configuration, List<string> errors)
    {
        public string? Text(string name) => configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public IPAddress Address(string name, IPAddress fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (IPAddress.TryParse(text, out var address))
            {
                return address;
            }

            errors.Add($"{name} must be an IP address such as 127.0.0.1 or 0.0.0.0, but was '{text}'.");
            return fallback;
        }

        public long Integer(string name, long fallback, long min, long max)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            errors.Add($"{name} must be a whole number from {min} to {max}, but was '{text}'.");
            return fallback;
        }

        public double Number(string name, double fallback, double min, double max)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && value >= min && value <= max)
            {
                return value;
            }

            errors.Add(
                $"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, but was '{text}'.");
            return fallback;
        }

        public bool Boolean(string name)
        {
            switch (Text(name)?.ToUpperInvariant())
            {
                case null or "FALSE" or "0":
                    return false;
                case "TRUE" or "1":
                    return true;
                default:
                    errors.Add($"{name} must be true or false, but was '{Text(name)}'.");
                    return false;
            }
        }
    }
}
