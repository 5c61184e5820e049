using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

/// <summary>The manifest's size and depth limits (issue 10): hostile files are refused, never crash the parser.</summary>
public sealed class ManifestLimitsTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    [Fact]
    public void Parse_FileOverOneMebibyte_ReportsTheSizeAndTheLine()
    {
        var padding = string.Concat(Enumerable.Repeat("# " + new string('x', 1021) + "\n", 1100));

        var result = ManifestParser.Parse(Minimal + padding, File);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Problem.ShouldBe("the manifest is over 1 MiB (the limit is crossed on line 1031)");
        error.Line.ShouldBe(1031);
        error.ToString().ShouldStartWith("cutover.yaml:1031:1: the manifest is over 1 MiB");
    }

    [Fact]
    public void Parse_FileJustUnderTheLimit_IsParsed()
    {
        var padding = string.Concat(Enumerable.Repeat("# " + new string('x', 1021) + "\n", 1000));

        var result = ManifestParser.Parse(Minimal + padding, File);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Parse_NestingDeeperThan64_ReportsTheLineAndPath()
    {
        var yaml = new System.Text.StringBuilder(Minimal).Append("featureFlags:\n");
        for (var depth = 1; depth <= 70; depth++)
        {
            yaml.Append(new string(' ', depth)).Append("k:\n");
        }

        var result = ManifestParser.Parse(yaml.ToString(), File);

        var error = result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors));
        error.Problem.ShouldBe("the manifest nests deeper than 64 levels");
        error.Line.ShouldBe(8 + 64);
        error.Field.ShouldBe("featureFlags" + string.Concat(Enumerable.Repeat(".k", 63)));
    }

    [Fact]
    public void Parse_NestingOf64_IsNotRefusedForDepth()
    {
        var yaml = Minimal + "featureFlags: " + new string('[', 63) + new string(']', 63) + "\n";

        var result = ManifestParser.Parse(yaml, File);

        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldAllBe(e => !e.Problem.Contains("nests deeper", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Parse_FiftyThousandLevelsDeep_ReportsDepthWithoutOverflowingTheStack(string open, string close)
    {
        var yaml = Minimal + "featureFlags:\n" + Repeat(open) + "x" + Repeat(close) + "\n";

        var result = ManifestParser.Parse(yaml, File);

        result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors)).Problem
            .ShouldBe("the manifest nests deeper than 64 levels");
    }

    [Fact]
    public void Parse_KeyWhoseValueTheYamlParserDrops_IsInvalidYamlNotAnException()
    {
        var result = ManifestParser.Parse("# a comment\n : $schema=./schemas/cutover.schema.json\n# end", File);

        result.Errors.ShouldHaveSingleItem().Problem.ShouldBe("invalid YAML: a key without a value, or a stray \":\"");
    }

    [Fact]
    public void Parse_DuplicateKeyInsideAList_NamesTheFullPath()
    {
        var yaml = Minimal + "release:\n  canary:\n    steps:\n      - weight: 5\n        weight: 6\n";

        var result = ManifestParser.Parse(yaml, File);

        result.Errors.ShouldContain(e => e.Field == "release.canary.steps[0].weight" && e.Problem == "duplicate key \"weight\" (first set on line 11)");
    }

    private static string Repeat(string text) => string.Concat(Enumerable.Repeat(text, 50_000));
}
