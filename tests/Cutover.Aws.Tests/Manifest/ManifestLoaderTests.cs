using Amazon.CDK;
using Cutover.Aws.Manifest;
using Cutover.Aws.Settings;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    private static string Sample => File.ReadAllText(RepositoryRoot.Manifest);

    [Fact]
    public void Parse_InvalidManifest_FailsWithTheSameErrorsAsTheLocalTarget()
    {
        var invalid = Sample.Replace("steps: [5, 10, 25, 50, 100]", "steps: [5, 120, 100]", StringComparison.Ordinal);
        var local = ManifestParser.Parse(invalid, "cutover.yaml");
        local.IsValid.ShouldBeFalse();

        var aws = ManifestLoader.Parse(invalid, "cutover.yaml", new AwsSettings());

        aws.IsValid.ShouldBeFalse();
        aws.Deployments.ShouldBeEmpty();
        aws.Errors.Take(local.Errors.Count).ShouldBe(local.Errors.Select(e => $"error: {e}"));
        aws.Errors[0].ShouldStartWith("error: cutover.yaml:");
        aws.Errors[0].ShouldContain("release.canary.steps[1]");
        aws.Errors[^1].ShouldBe($"cutover.yaml: {local.Errors.Count} error(s); nothing was synthesized.");
    }

    [Fact]
    public void Synthesize_InvalidManifest_ExitsWithInvalidInputAndPrintsTheErrors()
    {
        JsiiEnvironment.Silence();
        var file = Path.Combine(Directory.CreateTempSubdirectory("cutover-invalid-").FullName, "cutover.yaml");
        File.WriteAllText(file, Sample.Replace("port: 8080", "port: 80800", StringComparison.Ordinal));
        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["cutover:manifest"] = file } });
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CutoverPlatform.Synthesize(app, output, errors);

        exit.ShouldBe(CutoverPlatform.InvalidInput);
        errors.ToString().ShouldContain($"error: {file}:");
        errors.ToString().ShouldContain("service.port");
        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Parse_PromQlAlarm_IsRefusedForAwsWithTheReason()
    {
        var manifest = Sample + """
                - name: queue-depth
                  promql: "sum(queue_depth)"
                  comparison: GreaterThanThreshold
                  threshold: 100
            """;

        var result = ManifestLoader.Parse(manifest, "cutover.yaml", new AwsSettings());

        result.IsValid.ShouldBeFalse(string.Join(System.Environment.NewLine, result.Errors));
        result.Errors[0].ShouldBe("error: cutover.yaml: alarms.rules[1].promql: alarm queue-depth is a PromQL query, which only the local target can evaluate; CloudWatch has no equivalent. Fix: alarm on a built-in metric or an expression over built-in metrics, or keep this alarm for local environments only.");
    }

    [Fact]
    public void Parse_AnomalyBandAlarm_IsRefusedRatherThanCompiledAsAStaticThreshold()
    {
        var manifest = Sample + """
                - name: odd-traffic
                  metric: requests
                  statistic: Sum
                  comparison: LessThanLowerOrGreaterThanUpperThreshold
                  anomalyBand: { width: 2 }
            """;

        var result = ManifestLoader.Parse(manifest, "cutover.yaml", new AwsSettings());

        result.IsValid.ShouldBeFalse();
        result.Errors[0].ShouldBe("error: cutover.yaml: alarms.rules[1].anomalyBand: alarm odd-traffic uses an anomaly band, which the AWS target does not compile yet. Fix: use a static threshold for AWS environments, or keep this alarm for local environments only.");
    }

    [Fact]
    public void Parse_OneRegion_IsRefusedBecauseTheTargetIsTwoRegions()
    {
        var manifest = Sample.Replace("    instances: 4\n    regions: [us-east-1, us-east-2]", "    instances: 4\n    regions: [us-east-1]", StringComparison.Ordinal);

        var result = ManifestLoader.Parse(manifest, "cutover.yaml", new AwsSettings { Environments = ["prod"] });

        result.Errors.ShouldContain(e => e.Contains("environments.prod.regions", StringComparison.Ordinal) && e.Contains("exactly two regions", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LocalEnvironmentSelected_IsRefused()
    {
        var result = ManifestLoader.Parse(Sample, "cutover.yaml", new AwsSettings { Environments = ["local"] });

        result.Errors.ShouldContain(e => e.Contains("environments.local.target", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoEnvironmentSelected_BuildsEveryAwsEnvironmentWithItsSettings()
    {
        var result = ManifestLoader.Parse(Sample, "cutover.yaml", new AwsSettings());

        result.IsValid.ShouldBeTrue();
        result.Deployments.Select(d => d.Environment.Name).ShouldBe(["dev", "staging", "prod"]);
        result.Deployments.Select(d => d.Settings).ShouldBe([EnvironmentCatalog.Dev, EnvironmentCatalog.Staging, EnvironmentCatalog.Prod]);
        result.Deployments.ShouldAllBe(d => d.Primary.Region == "us-east-1" && d.Secondary.Region == "us-east-2");
    }
}
