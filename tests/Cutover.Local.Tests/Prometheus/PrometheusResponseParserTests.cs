using Cutover.Local.Prometheus;

namespace Cutover.Local.Tests.Prometheus;

public sealed class PrometheusResponseParserTests
{
    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e3", 1000d)]
    [InlineData("0.25", 0.25d)]
    public void ParseValue_PrometheusSpelling_ReturnsDouble(string text, double expected)
    {
        PrometheusResponseParser.ParseValue(text).ShouldBe(expected);
    }

    [Fact]
    public void FormatTimestamp_Milliseconds_WritesFractionalUnixSeconds()
    {
        PrometheusResponseParser.FormatTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)).ShouldBe("1700000000.123");
    }
}
