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
              NewGreeting:
                description: Greets with the new text
                environments: { local: true, prod: false }
              Checkout.V2:
                enabled: true
              dark-mode:
            """, "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        var flags = result.Manifest!.FeatureFlags;
        flags.Select(f => (f.Name, f.Enabled, f.Description)).ShouldBe(
            [("NewGreeting", false, "Greets with the new text"), ("Checkout.V2", true, null), ("dark-mode", false, null)]);
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
              NewGreeting:
                environments:
                  stagign: true
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Field).ShouldBe((17, 7, "featureFlags.NewGreeting.environments.stagign"));
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
              NewGreeting: { environments: { local: true, qa: true } }
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("featureFlags.NewGreeting.environments.qa");
        error.Fix.ShouldStartWith("use one of local");
    }

    [Fact]
    public void Parse_BadNameTypoAndNonBooleans_ReportsEveryProblem()
    {
        var result = ManifestParser.Parse(Minimal + """
            featureFlags:
              "new:greeting": {}
              Beta:
                enabeld: true
              Gamma:
                enabled: yes
                environments: { prod: on }
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (15, "featureFlags.new:greeting", "feature flag name \"new:greeting\" may only contain letters, digits, '.', '_' and '-', starting with a letter"),
            (17, "featureFlags.Beta.enabeld", "unknown field \"enabeld\""),
            (19, "featureFlags.Gamma.enabled", "expected true or false, got \"yes\""),
            (20, "featureFlags.Gamma.environments.prod", "expected true or false, got \"on\""),
        ]);
        result.Errors[1].Fix.ShouldBe("did you mean \"enabled\"?");
    }

    [Fact]
    public void Parse_FlagsNotAMapping_ReportsTheSection()
    {
        var result = ManifestParser.Parse(Minimal + "featureFlags: [NewGreeting]\n", "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Field, error.Problem).ShouldBe((14, "featureFlags", "expected a mapping, got a list"));
    }
}
