using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestFeatureFlagsTests
{
    // Lines 1-13; a test's featureFlags section starts on line 14.
    private const string Minimal = """
        service:
          name: sample
          run:
            command: dotnet
          initialVersion: v1
        versions:
          v1: {}
        environments:
          local: { target: local }
          staging: { target: aws, regions: [us-east-1] }
          prod:
            target: aws
            regions: [us-east-1, us-east-2]

        """;

    [Fact]
    public void Parse_NoFeatureFlagsSection_HasNone()
    {
        ManifestParser.Parse(Minimal, "cutover.yaml").Manifest!.FeatureFlags.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_FlagsWithDefaultsAndOverrides_ReadsEachInFileOrder()
    {
        var result = ManifestParser.Parse(Minimal + """
            featureFlags:
              new-greeting:
                description: Greets with the new text
                environments: { local: true, prod: false }
              checkout_V2:
                enabled: true
              dark-mode:
            """, "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        var flags = result.Manifest!.FeatureFlags;
        flags.Select(f => (f.Name, f.Enabled, f.Description)).ShouldBe(
            [("new-greeting", false, "Greets with the new text"), ("checkout_V2", true, null), ("dark-mode", false, null)]);
        flags[0].EnabledIn("local").ShouldBeTrue();
        flags[0].EnabledIn("staging").ShouldBeFalse();
        flags[0].EnabledIn("prod").ShouldBeFalse();
        flags[1].EnabledIn("prod").ShouldBeTrue();
    }

    [Fact]
    public void Parse_OverrideNamesUndeclaredEnvironment_ReportsLineFieldAndSuggestion()
    {
        var result = ManifestParser.Parse(Minimal + """
            featureFlags:
              new-greeting:
                environments:
                  stagign: true
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Field).ShouldBe((17, 7, "featureFlags.new-greeting.environments.stagign"));
        error.Problem.ShouldBe("environment \"stagign\" is not declared under environments");
        error.Fix.ShouldBe("did you mean \"staging\"?");
    }

    [Fact]
    public void Parse_OverrideWithoutEnvironmentsSection_ChecksAgainstTheDefaultLocalEnvironment()
    {
        var result = ManifestParser.Parse("""
            service:
              name: sample
              run: { command: dotnet }
              initialVersion: v1
            versions:
              v1: {}
            featureFlags:
              new-greeting: { environments: { local: true, qa: true } }
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("featureFlags.new-greeting.environments.qa");
        error.Fix.ShouldStartWith("use one of local");
    }

    [Fact]
    public void Parse_BadNameTypoAndNonBooleans_ReportsEveryProblem()
    {
        var result = ManifestParser.Parse(Minimal + """
            featureFlags:
              NewGreeting: {}
              beta:
                enabeld: true
              gamma:
                enabled: yes
                environments: { prod: on }
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (15, "featureFlags.NewGreeting", "feature flag name \"NewGreeting\" must start with a lowercase letter, then up to 63 letters, digits, '_' or '-'"),
            (17, "featureFlags.beta.enabeld", "unknown field \"enabeld\""),
            (19, "featureFlags.gamma.enabled", "expected true or false, got \"yes\""),
            (20, "featureFlags.gamma.environments.prod", "expected true or false, got \"on\""),
        ]);
        result.Errors[0].Fix.ShouldBe("use a name such as new-greeting (AWS AppConfig, which serves the flags on the aws target, accepts no other)");
        result.Errors[1].Fix.ShouldBe("did you mean \"enabled\"?");
    }

    [Fact]
    public void Parse_FlagsNotAMapping_ReportsTheSection()
    {
        var result = ManifestParser.Parse(Minimal + "featureFlags: [new-greeting]\n", "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Field, error.Problem).ShouldBe((14, "featureFlags", "expected a mapping, got a list"));
    }
}
