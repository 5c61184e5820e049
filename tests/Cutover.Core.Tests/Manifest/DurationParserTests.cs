using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 500)]
    [InlineData("10s", 0, 0, 10, 0)]
    [InlineData("2m", 0, 2, 0, 0)]
    [InlineData("1h", 1, 0, 0, 0)]
    [InlineData("1m30s", 0, 1, 30, 0)]
    [InlineData("1h2m3s4ms", 1, 2, 3, 4)]
    [InlineData("1.5s", 0, 0, 1, 500)]
    [InlineData("0s", 0, 0, 0, 0)]
    public void Parse_ValidDuration_ReturnsValue(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        var result = DurationParser.Parse(text);

        result.IsValid.ShouldBeTrue(result.Problem);
        result.Value.ShouldBe(new TimeSpan(0, hours, minutes, seconds, milliseconds));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Parse_BareNumber_AsksForAUnit(string text)
    {
        var result = DurationParser.Parse(text);

        result.IsValid.ShouldBeFalse();
        result.Problem.ShouldBe($"duration {text} has no unit");
        result.Fix.ShouldBe($"add a unit: {text}s for seconds or {text}ms for milliseconds (units: ms, s, m, h)");
    }

    [Theory]
    [InlineData("10x", "\"x\" in \"10x\" is not a duration unit")]
    [InlineData("10S", "\"S\" in \"10S\" is not a duration unit")]
    [InlineData("30s1m", "the units in \"30s1m\" repeat or are out of order")]
    [InlineData("1m1m", "the units in \"1m1m\" repeat or are out of order")]
    [InlineData("1m30", "\"1m30\" ends with a number without a unit")]
    [InlineData("1m 30s", "\"1m 30s\" is not a duration")]
    [InlineData("-5s", "\"-5s\" is not a duration")]
    [InlineData("s", "\"s\" is not a duration")]
    [InlineData("1.2.3s", "\"1.2.3s\" is not a duration")]
    [InlineData("", "no duration is given")]
    [InlineData("99999999999999999h", "duration \"99999999999999999h\" is too long")]
    [InlineData("3000000000000000000h", "duration \"3000000000000000000h\" is too long")]
    [InlineData("79228162514264337593543950335d", "duration \"79228162514264337593543950335d\" is too long")]
    [InlineData("10675199d3000000000000000000h", "duration \"10675199d3000000000000000000h\" is too long")]
    public void Parse_InvalidText_ExplainsTheProblem(string text, string problem)
    {
        var result = DurationParser.Parse(text);

        result.IsValid.ShouldBeFalse();
        result.Problem.ShouldBe(problem);
        result.Fix.ShouldNotBeNullOrWhiteSpace();
    }
}
