using System.Globalization;
using Cutover.SampleService.Configuration;
using Microsoft.FeatureManagement;

namespace Cutover.SampleService.FeatureFlags;

/// <summary>Feature flags from configuration (Microsoft.FeatureManagement), fed by whichever source the target provides.</summary>
internal static class FeatureFlagsExtensions
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Locally, the control plane's flags file (reloaded on change, so <c>cutover flags set</c> needs no restart); on
    /// AWS, the AppConfig agent's endpoint, polled. With neither, flags come from the rest of configuration, such as
    /// <c>FeatureManagement__new-greeting=true</c>.
    /// </summary>
    public static WebApplicationBuilder AddSampleFeatureFlags(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (configuration[EnvironmentVariables.FeatureFlagsFile] is { Length: > 0 } file)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: true, reloadOnChange: true);
        }

        if (Uri.TryCreate(configuration[EnvironmentVariables.FeatureFlagsUrl], UriKind.Absolute, out var url))
        {
            var interval = double.TryParse(configuration[EnvironmentVariables.FeatureFlagsPollIntervalSeconds], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultPollInterval;
            ((IConfigurationBuilder)configuration).Add(new FeatureFlagsUrlConfigurationSource(url, interval, TimeProvider.System));
        }

        builder.Services.AddFeatureManagement();
        return builder;
    }
}
