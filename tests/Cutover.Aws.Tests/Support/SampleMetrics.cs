using Cutover.Aws.Alarms;

namespace Cutover.Aws.Tests.Support;

/// <summary>The sample's metrics in dev, with fixed names: for tests that build one construct on a bare stack.</summary>
internal static class SampleMetrics
{
    public static ServiceMetrics Dev { get; } = new(
        "app/sample-dev/abc",
        [new TargetGroupMetrics("blue", "targetgroup/blue/1"), new TargetGroupMetrics("green", "targetgroup/green/2")],
        "sample-dev-use1",
        "sample",
        "Cutover/sample-dev");
}
