using Cutover.SampleService.Configuration;
using Cutover.SampleService.Metrics;
using Cutover.Telemetry;

namespace Cutover.SampleService.Hosting;

/// <summary>What the sample tells Cutover.Telemetry about itself.</summary>
internal static class SampleTelemetry
{
    /// <summary>Exports the sample's own meter and labels spans and EMF lines with its version and instance.</summary>
    public static void DescribeSampleService(this CutoverTelemetryOptions telemetry, SampleOptionsResult configuration)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(configuration);
        telemetry.AddMeter(SampleMetrics.MeterName);
        if (configuration.Options is { } options)
        {
            telemetry.ServiceVersion = options.Version;
            telemetry.ServiceInstanceId = options.InstanceId;
        }
    }
}
