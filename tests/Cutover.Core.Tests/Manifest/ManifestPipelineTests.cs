using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestPipelineTests
{
    private const string File = "cutover.yaml";

    // Lines 1-7; a test's pipeline section starts on line 8.
    private const string Minimal = MinimalManifest.Text;

    [Fact]
    public void Parse_NoPipelineSection_IsGitHubActionsOnMainWithoutARepository()
    {
        var pipeline = ManifestParser.Parse(Minimal, File).Manifest!.Pipeline;

        pipeline.ShouldBe(new PipelineSpec());
        pipeline.Provider.ShouldBe(PipelineProvider.GitHubActions);
        pipeline.Repository.ShouldBeNull();
        pipeline.Branch.ShouldBe("main");
    }

    [Fact]
    public void Parse_EveryField_ReadsProviderRepositoryAndBranch()
    {
        var result = ManifestParser.Parse(Minimal + """
            pipeline:
              provider: codePipeline
              repository: example-org/sample.service_2
              branch: release/1.x
            """, File);

        result.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, result.Errors));
        result.Manifest!.Pipeline.ShouldBe(new PipelineSpec
        {
            Provider = PipelineProvider.CodePipeline,
            Repository = "example-org/sample.service_2",
            Branch = "release/1.x",
        });
    }

    [Fact]
    public void Parse_EmptyPipelineSection_KeepsTheDefaults()
    {
        var result = ManifestParser.Parse(Minimal + "pipeline:\n", File);

        result.Errors.ShouldBeEmpty();
        result.Manifest!.Pipeline.ShouldBe(new PipelineSpec());
    }

    [Fact]
    public void Parse_GitHubActionsSpeltExactly_IsTheGitHubProvider()
    {
        var result = ManifestParser.Parse(Minimal + "pipeline: { provider: githubActions, repository: a/b }\n", File);

        result.Manifest!.Pipeline.Provider.ShouldBe(PipelineProvider.GitHubActions);
        result.Manifest.Pipeline.Repository.ShouldBe("a/b");
    }

    [Theory]
    [InlineData("provider: codepipeline", 9, 13, "pipeline.provider", "unknown provider \"codepipeline\"", "did you mean \"codePipeline\"? (allowed: githubActions or codePipeline)")]
    [InlineData("provider: jenkins", 9, 13, "pipeline.provider", "unknown provider \"jenkins\"", "use githubActions or codePipeline")]
    [InlineData("provder: codePipeline", 9, 3, "pipeline.provder", "unknown field \"provder\"", "did you mean \"provider\"?")]
    [InlineData("repo: a/b", 9, 3, "pipeline.repo", "unknown field \"repo\"", "remove it; allowed here: provider, repository, branch")]
    [InlineData("repository: sample", 9, 15, "pipeline.repository", "repository \"sample\" is not owner/name", "write it as owner/name, such as example-org/sample")]
    [InlineData("repository: https://github.com/example-org/sample", 9, 15, "pipeline.repository", "repository \"https://github.com/example-org/sample\" is not owner/name", "write only owner/name, without the URL, such as example-org/sample")]
    [InlineData("repository: -org/sample", 9, 15, "pipeline.repository", "\"-org\" is not a GitHub user or organisation name", "use 1-39 letters, digits or single hyphens, not starting or ending with a hyphen")]
    [InlineData("repository: my--org/sample", 9, 15, "pipeline.repository", "\"my--org\" is not a GitHub user or organisation name", "use 1-39 letters, digits or single hyphens, not starting or ending with a hyphen")]
    [InlineData("repository: org/sam ple", 9, 15, "pipeline.repository", "\"sam ple\" is not a GitHub repository name", "use up to 100 letters, digits, '.', '_' or '-'")]
    [InlineData("repository: org/..", 9, 15, "pipeline.repository", "\"..\" is not a GitHub repository name", "use up to 100 letters, digits, '.', '_' or '-'")]
    [InlineData("branch: refs/heads/main", 9, 11, "pipeline.branch", "branch \"refs/heads/main\" is a full ref, which git does not allow in a branch name", "write the branch alone: main")]
    [InlineData("branch: feature..x", 9, 11, "pipeline.branch", "branch \"feature..x\" contains '..', '//', '/.' or '@{', which git does not allow in a branch name", "use a branch name such as main or release/1.x")]
    [InlineData("branch: \"my branch\"", 9, 11, "pipeline.branch", "branch \"my branch\" contains a space, a control character or one of ~^:?*[\\, which git does not allow in a branch name", "use a branch name such as main or release/1.x")]
    [InlineData("branch: main.lock", 9, 11, "pipeline.branch", "branch \"main.lock\" ends with .lock, which git does not allow in a branch name", "use a branch name such as main or release/1.x")]
    [InlineData("branch: release/", 9, 11, "pipeline.branch", "branch \"release/\" starts with '-' or '/', or ends with '/' or '.', which git does not allow in a branch name", "use a branch name such as main or release/1.x")]
    [InlineData("branch:", 9, 10, "pipeline.branch", "the field has no value", "write a value such as main")]
    public void Parse_InvalidField_ReportsLineFieldAndFix(string line, int lineNumber, int column, string field, string problem, string fix)
    {
        var result = ManifestParser.Parse(Minimal + "pipeline:\n  " + line + "\n", File);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldBe(new ManifestError(File, lineNumber, column, field, problem, fix));
    }

    [Fact]
    public void Parse_PipelineIsNotAMapping_SaysWhichFieldsItTakes()
    {
        var result = ManifestParser.Parse(Minimal + "pipeline: codePipeline\n", File);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(8);
        error.Field.ShouldBe("pipeline");
        error.Problem.ShouldBe("expected a mapping, got \"codePipeline\"");
        error.Fix.ShouldBe("write key: value pairs using provider, repository, branch");
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEveryOneAtOnce()
    {
        var result = ManifestParser.Parse(Minimal + """
            pipeline:
              provider: codePipelin
              repository: nobody
              branch: a b
            """, File);

        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(9, "pipeline.provider"), (10, "pipeline.repository"), (11, "pipeline.branch")]);
    }

    [Fact]
    public void Parse_RootTypo_SuggestsPipeline()
    {
        var result = ManifestParser.Parse(Minimal + "pipline:\n  provider: codePipeline\n", File);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("pipline");
        error.Fix.ShouldBe("did you mean \"pipeline\"?");
    }
}
