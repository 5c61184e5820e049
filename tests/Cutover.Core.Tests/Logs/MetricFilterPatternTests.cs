using Cutover.Core.Logs;
using Cutover.Core.Logs.MetricFilters;

namespace Cutover.Core.Tests.Logs;

public sealed class MetricFilterPatternTests
{
    private const string ErrorLine = """{"Timestamp":"2026-01-01T00:00:00.000Z","EventId":10,"LogLevel":"Error","Category":"Shop","Message":"checkout failed for order 7","State":{"StatusCode":503,"Path":"/checkout"}}""";
    private const string InfoLine = """{"Timestamp":"2026-01-01T00:00:00.000Z","EventId":10,"LogLevel":"Information","Category":"Shop","Message":"GET / responded 200","State":{"StatusCode":200,"Path":"/"}}""";

    [Theory]
    [InlineData("\"checkout failed\"", true, false)]
    [InlineData("checkout", true, false)]
    [InlineData("checkout -order", false, false)]
    [InlineData("?checkout ?responded", true, true)]
    [InlineData("Shop ?nothing ?responded", false, true)]
    [InlineData("", true, true)]
    [InlineData("CHECKOUT", false, false)]
    [InlineData("{ $.level = \"Error\" }", true, false)]
    [InlineData("{ $.LogLevel = \"Error\" }", true, false)]
    [InlineData("{ $.StatusCode >= 500 }", true, false)]
    [InlineData("{ $.State.StatusCode < 500 }", false, true)]
    [InlineData("{ $.message = \"checkout*\" }", true, false)]
    [InlineData("{ $.Path = /checkout }", true, false)]
    [InlineData("{ ($.StatusCode = 200 || $.StatusCode = 503) && $.Category = \"Shop\" }", true, true)]
    [InlineData("{ $.level != \"Error\" }", false, true)]
    [InlineData("{ $.missing != \"x\" }", false, false)]
    [InlineData("{ $.version = \"v2\" }", true, true)]
    public void Matches_Pattern_MatchesTheExpectedLines(string pattern, bool matchesError, bool matchesInfo)
    {
        var parsed = MetricFilterPattern.Parse(pattern);
        parsed.Error.ShouldBeNull(parsed.Error?.ToString());

        Matches(parsed.Pattern!, ErrorLine, "Error", "checkout failed for order 7").ShouldBe(matchesError);
        Matches(parsed.Pattern!, InfoLine, "Information", "GET / responded 200").ShouldBe(matchesInfo);
    }

    [Fact]
    public void Matches_PlainTextLine_UsesTheStoredFieldsForSelectors()
    {
        var pattern = MetricFilterPattern.Parse("{ $.level = \"Error\" }").Pattern!;

        Matches(pattern, "fail: something broke", "Error", "something broke").ShouldBeTrue();
    }

    [Theory]
    [InlineData("[ip, user]", 1, "space-delimited patterns ([field1, field2, ...]) are not supported")]
    [InlineData("{ $.level = \"Error\"", 20, "expected a closing } after the selector, got the end of the pattern")]
    [InlineData("{ level = \"Error\" }", 3, "expected a property such as $.level, got \"l\"")]
    [InlineData("{ $.level == \"Error\" }", 11, "\"==\" is not an operator")]
    [InlineData("{ $.level > \"Error\" }", 11, "text can only be compared with = or !=")]
    [InlineData("{ $.a[0] = 1 }", 6, "array indexes such as $.a[0] are not supported")]
    [InlineData("\"unclosed", 1, "the quoted text is not closed")]
    [InlineData("? ERROR", 1, "\"?\" is not followed by a term")]
    [InlineData("ERROR %time.*out%", 7, "regular expressions in patterns (%...%) are not supported")]
    public void Parse_MalformedPattern_GivesPositionAndProblem(string pattern, int position, string problem)
    {
        var parsed = MetricFilterPattern.Parse(pattern);

        parsed.IsValid.ShouldBeFalse();
        parsed.Error!.Position.ShouldBe(position);
        parsed.Error.Problem.ShouldBe(problem);
        parsed.Error.Fix.ShouldNotBeNullOrWhiteSpace();
    }

    private static bool Matches(MetricFilterPattern pattern, string line, string level, string message)
    {
        var entry = new LogEntry { Timestamp = DateTimeOffset.UnixEpoch, Level = level, Message = message, Version = "v2", Instance = "v2-1-ab" };
        using var subject = new MetricFilterSubject(line, entry);
        return pattern.Matches(subject);
    }
}
