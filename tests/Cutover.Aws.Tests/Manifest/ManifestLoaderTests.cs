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

    [Fact]
    public void Parse_CodePipelineWithoutStaging_IsRefusedBecauseThePipelineReleasesStagingFirst()
    {
        var manifest = Sample.Replace("  staging:\n    target: aws\n", "  staging:\n    target: local\n", StringComparison.Ordinal)
            .Replace("    regions: [us-east-1, us-east-2]\n  prod:", "  prod:", StringComparison.Ordinal) + "\npipeline: { provider: codePipeline }\n";

        var result = ManifestLoader.Parse(manifest, "cutover.yaml", new AwsSettings { Environments = ["prod"] });

        result.Errors.ShouldContain(
            "error: cutover.yaml: pipeline.provider: the CodePipeline releases to staging, then prod, and the manifest has no aws environment named staging. " +
            "Fix: declare staging: { target: aws, regions: [us-east-1, us-east-2] }, or use provider: githubActions.",
            string.Join(System.Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Parse_CodePipelineWithTheCodeDeployController_IsRefused()
    {
        var result = ManifestLoader.Parse(Sample + "\npipeline: { provider: codePipeline }\n", "cutover.yaml", new AwsSettings { ReleaseController = ReleaseController.CodeDeploy });

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Contains("pipeline.provider: the CodePipeline releases with cdk deploy", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CodePipelineManifest_IsValidAndKeepsTheRepository()
    {
        var result = ManifestLoader.Parse(ReleaseToolingManifest.Text, "cutover.yaml", new AwsSettings { Environments = ["prod"] });

        result.IsValid.ShouldBeTrue(string.Join(System.Environment.NewLine, result.Errors));
        result.Deployments.Single().GitHubRepository.ShouldBe("acme/shop");
        ManifestLoader.Parse(Sample, "cutover.yaml", new AwsSettings { Environments = ["prod"] }).Deployments.Single().GitHubRepository.ShouldBe("example-org/sample");
    }

    [Theory]
    [InlineData("cutover:codestarConnectionArn", "token-abc", "cutover:codestarConnectionArn \"token-abc\" is not a connection ARN")]
    [InlineData("cutover:imageTag", "-bad", "cutover:imageTag \"-bad\" is not an image tag")]
    [InlineData("cutover:imageProject", "../elsewhere", "cutover:imageProject \"../elsewhere\" is not a relative path")]
    public void Settings_InvalidPipelineContext_IsReported(string key, string value, string error)
    {
        JsiiEnvironment.Silence();
        var app = new App(new AppProps { Context = new Dictionary<string, object> { [key] = value } });

        var (_, errors) = AwsSettingsReader.Read(app.Node);

        errors.ShouldContain(e => e.StartsWith(error, StringComparison.Ordinal), string.Join(System.Environment.NewLine, errors));
    }

    [Fact]
    public void Settings_PipelineContext_IsRead()
    {
        JsiiEnvironment.Silence();
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["cutover:codestarConnectionArn"] = ReleaseToolingManifest.ConnectionArn,
                ["cutover:imageTag"] = "3f2c1e0",
                ["cutover:imageProject"] = "src/Shop",
            },
        });

        var (settings, errors) = AwsSettingsReader.Read(app.Node);

        errors.ShouldBeEmpty();
        (settings.CodeStarConnectionArn, settings.ImageTag, settings.ImageProject).ShouldBe((ReleaseToolingManifest.ConnectionArn, "3f2c1e0", "src/Shop"));
    }
}
