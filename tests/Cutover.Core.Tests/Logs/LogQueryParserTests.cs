using Cutover.Core.Logs.Queries;

namespace Cutover.Core.Tests.Logs;

public sealed class LogQueryParserTests
{
    [Fact]
    public void Parse_FullPipeline_PlansEveryStage()
    {
        var plan = Valid("fields @timestamp, @message | filter level = \"Error\" and @message like /timeout/ | stats count() by bin(1m) | sort count desc | limit 20");

        plan.IsAggregate.ShouldBeTrue();
        plan.Columns.Select(c => c.Name).ShouldBe(["bin(1m)", "count()"]);
        plan.Columns[0].ShouldBe(new LogBinColumn("bin(1m)", TimeSpan.FromMinutes(1)));
        plan.Columns[1].ShouldBe(new LogAggregateColumn("count()", LogAggregateFunction.Count, null, null));
        plan.Where.ShouldBe(new LogAnd(
            new LogComparison(new LogFieldOperand(LogField.Level), LogComparisonOperator.Equal, new LogStringLiteral("Error")),
            new LogMatch(new LogFieldOperand(LogField.Message), "timeout", IsRegex: false, Negated: false)));
        plan.FullTextTerms.ShouldBe(["timeout"]);
        plan.Sort.ShouldBe([new LogSortKey(new LogColumnOperand("count()", 1), Descending: true)]);
        plan.Limit.ShouldBe(20);
    }

    [Fact]
    public void Parse_NoCommandsButFilter_ReturnsDefaultColumnsNewestFirst()
    {
        var plan = Valid("filter version = \"v2\"");

        plan.IsAggregate.ShouldBeFalse();
        plan.Columns.Select(c => c.Name).ShouldBe(["@timestamp", "level", "version", "instance", "@message"]);
        plan.Sort.ShouldBe([new LogSortKey(new LogFieldOperand(LogField.Timestamp), Descending: true)]);
        plan.Limit.ShouldBe(LogQueryPlan.DefaultLimit);
    }

    [Fact]
    public void Parse_AndOrNotWithParentheses_KeepsPrecedence()
    {
        var plan = Valid("filter not (level = \"Error\" or level = \"Warning\") and StatusCode >= 500");

        plan.Where.ShouldBe(new LogAnd(
            new LogNot(new LogOr(
                new LogComparison(new LogFieldOperand(LogField.Level), LogComparisonOperator.Equal, new LogStringLiteral("Error")),
                new LogComparison(new LogFieldOperand(LogField.Level), LogComparisonOperator.Equal, new LogStringLiteral("Warning")))),
            new LogComparison(new LogFieldOperand(new LogField(LogFieldKind.Attribute, ["StatusCode"])), LogComparisonOperator.GreaterOrEqual, new LogNumberLiteral(500))));
        plan.FullTextTerms.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_RegexWithSpecialCharacters_StaysARegexAndGivesNoFullTextTerm()
    {
        var plan = Valid("filter @message like /time(d )?out/");

        plan.Where.ShouldBe(new LogMatch(new LogFieldOperand(LogField.Message), "time(d )?out", IsRegex: true, Negated: false));
        plan.FullTextTerms.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_NotLikeAndIn_AreNegatable()
    {
        var plan = Valid("filter @message not like \"health\" and instance not in [\"a\", \"b\"]");

        plan.Where.ShouldBe(new LogAnd(
            new LogMatch(new LogFieldOperand(LogField.Message), "health", IsRegex: false, Negated: true),
            new LogIn(new LogFieldOperand(LogField.Instance), [new LogStringLiteral("a"), new LogStringLiteral("b")], Negated: true)));
        plan.FullTextTerms.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("filter level = \"warn\"", "Warning")]
    [InlineData("filter level = \"ERROR\"", "Error")]
    public void Parse_LevelSpelledAnyWay_IsCanonical(string query, string level)
    {
        Valid(query).Where.ShouldBe(new LogComparison(new LogFieldOperand(LogField.Level), LogComparisonOperator.Equal, new LogStringLiteral(level)));
    }

    [Fact]
    public void Parse_LevelAtLeast_BecomesTheListOfWorseLevels()
    {
        Valid("filter level >= \"Warning\"").Where.ShouldBe(new LogIn(
            new LogFieldOperand(LogField.Level),
            [new LogStringLiteral("Warning"), new LogStringLiteral("Error"), new LogStringLiteral("Critical")],
            Negated: false));
    }

    [Fact]
    public void Parse_TimestampComparedWithText_BecomesUnixMilliseconds()
    {
        Valid("filter @timestamp >= \"2026-01-01T00:01:00Z\"").Where.ShouldBe(new LogComparison(
            new LogFieldOperand(LogField.Timestamp),
            LogComparisonOperator.GreaterOrEqual,
            new LogNumberLiteral(new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero).ToUnixTimeMilliseconds())));
    }

    [Fact]
    public void Parse_StatsWithAliasesAndPercentile_NamesColumnsByAlias()
    {
        var plan = Valid("stats count(*) as requests, avg(DurationMs), pct(State.DurationMs, 99) as p99 by version, bin(5m) | filter requests > 10 | sort p99 desc");

        plan.Columns.ShouldBe(
        [
            new LogFieldColumn("version", LogField.Version),
            new LogBinColumn("bin(5m)", TimeSpan.FromMinutes(5)),
            new LogAggregateColumn("requests", LogAggregateFunction.Count, null, null),
            new LogAggregateColumn("avg(DurationMs)", LogAggregateFunction.Avg, new LogField(LogFieldKind.Attribute, ["DurationMs"]), null),
            new LogAggregateColumn("p99", LogAggregateFunction.Percentile, new LogField(LogFieldKind.Attribute, ["DurationMs"]), 99),
        ]);
        plan.Having.ShouldBe(new LogComparison(new LogColumnOperand("requests", 2), LogComparisonOperator.Greater, new LogNumberLiteral(10)));
        plan.Sort.ShouldBe([new LogSortKey(new LogColumnOperand("p99", 4), Descending: true)]);
    }

    [Fact]
    public void Parse_StatsWithoutSort_SortsByTheGroupsAscending()
    {
        Valid("stats count() by bin(1m), level").Sort.ShouldBe(
        [
            new LogSortKey(new LogColumnOperand("bin(1m)", 0), Descending: false),
            new LogSortKey(new LogColumnOperand("level", 1), Descending: false),
        ]);
    }

    [Fact]
    public void Parse_FieldAlias_CanBeFilteredOn()
    {
        var plan = Valid("fields @message as msg | filter msg like \"x\"");

        plan.Columns.ShouldBe([new LogFieldColumn("msg", LogField.Message)]);
        plan.FullTextTerms.ShouldBe(["x"]);
    }

    [Theory]
    [InlineData("", 1, "the query is empty", "a command: fields, filter, stats, sort or limit, such as filter level = \"Error\"")]
    [InlineData("filer level = \"Error\"", 1, "unknown command \"filer\"", "\"filter\" (a command: fields, filter, stats, sort or limit)")]
    [InlineData("filter level = ", 16, "expected a value, got the end of the query", "a field name, text in quotes or a number")]
    [InlineData("filter level \"Error\"", 14, "expected a comparison after level, got the text \"Error\"", "=, !=, <, <=, >, >=, like, not like, =~ or in")]
    [InlineData("stats count() by", 17, "expected a field name, got the end of the query", "a field to group by, such as level, or bin(1m)")]
    [InlineData("stats count() by bin(1x)", 22, "\"x\" in \"1x\" is not a duration unit", "a duration such as 30s, 1m, 5m, 1h or 1d")]
    [InlineData("stats cnt()", 7, "unknown function \"cnt\"", "\"count\" (count, count_distinct, sum, avg, min, max or pct)")]
    [InlineData("filter @message like /unclosed", 22, "the regular expression is not closed", "a closing /")]
    [InlineData("filter @message like /a(b/", 22, "invalid regular expression /a(b/: Invalid pattern 'a(b' at offset 3. Not enough )'s.", "a .NET regular expression, such as /time(out|d out)/")]
    [InlineData("stats count() | sort total desc", 22, "unknown column \"total\" in sort", "a column of stats: count()")]
    [InlineData("limit 0", 7, "limit needs a whole number, got \"0\"", "a number from 1 to 10000")]
    [InlineData("filter level = \"loud\"", 8, "\"loud\" is not a log level", "one of Trace, Debug, Information, Warning, Error, Critical")]
    [InlineData("filter (level = \"Error\"", 24, "unexpected the end of the query inside parentheses", ") to close the (, or and / or to join another condition")]
    [InlineData("filter level = \"Error\" limit 5", 24, "unexpected \"limit\"", "| before the next command, or the end of the query")]
    [InlineData("stats count() | stats count()", 17, "a query can have only one stats", "one stats with every aggregate, such as stats count(), avg(DurationMs) by bin(1m)")]
    [InlineData("filter level = \"Error\" |", 25, "the query ends with |", "a command: fields, filter, stats, sort or limit")]
    public void Parse_MalformedQuery_GivesPositionProblemAndExpected(string query, int position, string problem, string expected)
    {
        var result = LogQueryParser.Parse(query);

        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe(new LogQueryError(position, problem, expected));
    }

    [Fact]
    public void Render_Error_PointsACaretAtThePosition()
    {
        var query = "filter level \"Error\"";
        var error = LogQueryParser.Parse(query).Error!;

        error.Render(query).Split(Environment.NewLine).ShouldBe(
        [
            query,
            "             ^",
            "position 14: expected a comparison after level, got the text \"Error\"; expected =, !=, <, <=, >, >=, like, not like, =~ or in",
        ]);
    }

    private static LogQueryPlan Valid(string query)
    {
        var result = LogQueryParser.Parse(query);
        result.Error.ShouldBeNull(result.Error?.ToString());
        return result.Plan!;
    }
}
