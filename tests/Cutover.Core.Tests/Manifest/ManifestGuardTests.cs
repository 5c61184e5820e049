using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestGuardTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    private const string AwsEnvironment = """
        environments:
          local: {}
          prod: { target: aws, regions: [us-east-1] }

        """;

    [Fact]
    public void Parse_NoGuard_TheGuardIsOnWithItsDefaults()
    {
        var guard = Valid(Minimal).Release.Guard;

        (guard.Enabled, guard.FalseAlarmRate, guard.DetectRatio, guard.MinimumDifference, guard.Interval)
            .ShouldBe((true, 0.001, 3.0, 0.005, TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public void Parse_EveryGuardField_IsRead()
    {
        var guard = Valid(Minimal + """
            release:
              guard: { enabled: false, falseAlarmRate: 0.01, detectRatio: 2, minimumDifference: 0.02, interval: 100ms }
            """).Release.Guard;

        (guard.Enabled, guard.FalseAlarmRate, guard.DetectRatio, guard.MinimumDifference, guard.Interval)
            .ShouldBe((false, 0.01, 2.0, 0.02, TimeSpan.FromMilliseconds(100)));
    }

    [Theory]
    [InlineData("falseAlarmRate: 0", "release.guard.falseAlarmRate", "never rolls back")]
    [InlineData("falseAlarmRate: 0.6", "release.guard.falseAlarmRate", "outside 0-0.5")]
    [InlineData("detectRatio: 1", "release.guard.detectRatio", "outside 1.01-1000")]
    [InlineData("minimumDifference: -0.1", "release.guard.minimumDifference", "outside 0-1")]
    [InlineData("interval: 10ms", "release.guard.interval", "outside 50ms-10s")]
    [InlineData("interval: 1m", "release.guard.interval", "outside 50ms-10s")]
    [InlineData("enabled: yes", "release.guard.enabled", "expected true or false")]
    [InlineData("alpha: 0.01", "release.guard.alpha", "unknown field")]
    public void Parse_BadGuardField_IsRefusedNamingTheField(string field, string path, string problem)
    {
        var error = SingleError(Minimal + $"release:\n  guard: {{ {field} }}\n");

        (error.Field, error.Line).ShouldBe((path, 9));
        error.Problem.ShouldContain(problem);
    }

    [Fact]
    public void Parse_GuardSwitchedOnBesideAnAwsEnvironment_IsRefusedRatherThanDropped()
    {
        var error = SingleError(Minimal + AwsEnvironment + """
            release:
              guard: { enabled: true }
            """);

        (error.Field, error.Line, error.Column).ShouldBe(("release.guard.enabled", 12, 21));
        error.Problem.ShouldContain("runs on the local target only, and environment 'prod' is aws");
        error.Fix.ShouldContain("set enabled: false");
    }

    [Fact]
    public void Parse_GuardTunedOrOffBesideAnAwsEnvironment_IsAccepted()
    {
        Valid(Minimal + AwsEnvironment + "release:\n  guard: { falseAlarmRate: 0.01 }\n").Release.Guard.FalseAlarmRate.ShouldBe(0.01);
        Valid(Minimal + AwsEnvironment + "release:\n  guard: { enabled: false }\n").Release.Guard.Enabled.ShouldBeFalse();
    }

    private static ServiceManifest Valid(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, result.Errors));
        return result.Manifest!;
    }

    private static ManifestError SingleError(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Manifest.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors));
    }
}
