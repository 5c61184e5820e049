using Cutover.Aws.Alarms;

namespace Cutover.Aws.Tests.Alarms;

public sealed class CloudWatchPeriodTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 60)]
    [InlineData(30, 60)]
    [InlineData(60, 60)]
    [InlineData(61, 120)]
    [InlineData(90, 120)]
    [InlineData(300, 300)]
    [InlineData(3600, 3600)]
    public void For_ManifestPeriod_RoundsUpToWholeMinutes(int seconds, int expected)
    {
        CloudWatchPeriod.For(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }
}
