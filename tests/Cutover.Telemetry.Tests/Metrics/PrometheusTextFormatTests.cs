using Cutover.Telemetry.Metrics;

namespace Cutover.Telemetry.Tests.Metrics;

public sealed class PrometheusTextFormatTests
{
    [Theory]
    [InlineData(0.005, "0.005")]
    [InlineData(2.5, "2.5")]
    [InlineData(10, "10")]
    [InlineData(536870912, "536870912")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void FormatValue_Number_UsesPrometheusSyntax(double value, string expected) =>
        PrometheusTextFormat.FormatValue(value).ShouldBe(expected);
}
