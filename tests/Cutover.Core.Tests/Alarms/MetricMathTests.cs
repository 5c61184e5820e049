using Cutover.Core.Alarms;

namespace Cutover.Core.Tests.Alarms;

public sealed class MetricMathTests
{
    private static readonly Dictionary<string, double?> Values = new(StringComparer.Ordinal)
    {
        ["m1"] = 6,
        ["m2"] = 3,
        ["zero"] = 0,
        ["none"] = null,
        ["nan"] = double.NaN,
    };

    [Theory]
    [InlineData("m1 / m2", 2)]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("8 / 4 / 2", 1)]
    [InlineData("2 * -3", -6)]
    [InlineData("-m1 + 3", -3)]
    [InlineData("-(m1 - m2) * 2", -6)]
    [InlineData("100 * (m1 - m2) / m1", 50)]
    [InlineData("0.5*m1", 3)]
    [InlineData("((m1))", 6)]
    public void Evaluate_ValidExpression_FollowsPrecedenceAndParentheses(string expression, double expected)
    {
        MetricMath.Evaluate(expression, Values).ShouldBe(expected);
    }

    [Theory]
    [InlineData("m1 / zero")]
    [InlineData("m1 / (m2 - m2)")]
    [InlineData("zero / zero")]
    [InlineData("m1 + none")]
    [InlineData("m1 * nan")]
    [InlineData("m1 - absent")]
    [InlineData("-none")]
    public void Evaluate_DivisionByZeroOrMissingInput_IsMissing(string expression)
    {
        MetricMath.Evaluate(expression, Values).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_Overflow_IsMissing()
    {
        MetricMath.Evaluate("m1 * m1", new Dictionary<string, double?> { ["m1"] = double.MaxValue }).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_InvalidExpression_ThrowsWithTheProblem()
    {
        var error = Should.Throw<ArgumentException>(() => MetricMath.Evaluate("m1 +", Values));

        error.Message.ShouldContain("the expression ends at position 5");
        error.ParamName.ShouldBe("expression");
    }

    [Theory]
    [InlineData("", 1, "the expression is empty")]
    [InlineData("   ", 1, "the expression is empty")]
    [InlineData("m1 +", 5, "the expression ends at position 5 where a number, a metric id or ( is expected")]
    [InlineData("(m1 + m2", 1, "the ( at position 1 is never closed")]
    [InlineData("m1 + m2)", 8, "unexpected ) at position 8")]
    [InlineData("m1 m2", 4, "expected an operator at position 4, got \"m2\"")]
    [InlineData("m1 $ m2", 4, "unexpected \"$\" at position 4")]
    [InlineData("m1 * * m2", 6, "expected a number, a metric id or ( at position 6, got \"*\"")]
    [InlineData("1.2.3 * m1", 1, "\"1.2.3\" at position 1 is not a number")]
    [InlineData("(m1 m2)", 5, "expected an operator or ) at position 5, got \"m\"")]
    [InlineData("m1 / m3", 6, "unknown metric id \"m3\" at position 6")]
    [InlineData("errors / m1", 1, "unknown metric id \"errors\" at position 1")]
    public void TryParse_InvalidExpression_ReportsTheProblemAndPosition(string expression, int position, string problem)
    {
        MetricMathParser.TryParse(expression, ["m1", "m2"], out var program, out var error).ShouldBeFalse();

        program.ShouldBeNull();
        (error.Position, error.Problem).ShouldBe((position, problem));
    }

    [Fact]
    public void TryParse_UnknownIdCloseToADeclaredOne_SuggestsIt()
    {
        MetricMathParser.TryParse("m1 / erors", ["m1", "errors"], out _, out var error).ShouldBeFalse();

        error.Fix.ShouldBe("did you mean \"errors\"?");
    }

    [Fact]
    public void TryParse_UnknownIdFarFromAll_ListsTheDeclaredIds()
    {
        MetricMathParser.TryParse("m1 / total", ["m2", "m1"], out _, out var error).ShouldBeFalse();

        error.Fix.ShouldBe("declare it under metrics, or use one of: m1, m2");
    }

    [Fact]
    public void TryParse_ValidExpression_ListsTheIdsItUses()
    {
        MetricMathParser.TryParse("m1 / (m1 + m2)", ["m1", "m2", "m3"], out var program, out _).ShouldBeTrue();

        program.Ids.ShouldBe(["m1", "m2"], ignoreOrder: true);
    }
}
