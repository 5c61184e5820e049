using System.Diagnostics;
using System.Text.Json.Nodes;
using Cutover.Aws.Tests.Support;

namespace Cutover.Aws.Tests.Compliance;

/// <summary>
/// The validators AWS CDK users rely on, run for real over the synthesized templates (issue 14): scripts/validate-templates.cjs
/// loads them through cloudformation-include into aws-cdk-lib 2.276 (its CloudFormation template validation) and cdk-nag
/// (AwsSolutions, HIPAA.Security, NIST.800-53.R5), from the node_modules that scripts/install-deps.sh installs with npm ci.
/// </summary>
public sealed class TemplateValidatorTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "scripts", "validate-templates.cjs");

    // A GroupDescription with an apostrophe (outside the allowed pattern, so the stack would not deploy) and a wildcard
    // IAM policy with no suppression for it; the policy's IAMNoInlinePolicy findings are suppressed in its metadata.
    private const string BadTemplate = """
        {
          "Resources": {
            "Group": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": { "GroupDescription": "this region's tasks", "VpcId": "vpc-12345678" }
            },
            "Role": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
              }
            },
            "Wildcard": {
              "Type": "AWS::IAM::Policy",
              "Metadata": { "cdk_nag": { "rules_to_suppress": [
                { "id": "HIPAA.Security-IAMNoInlinePolicy", "reason": "only the wildcard matters in this test" },
                { "id": "NIST.800.53.R5-IAMNoInlinePolicy", "reason": "only the wildcard matters in this test" } ] } },
              "Properties": {
                "PolicyName": "wildcard",
                "Roles": [ { "Ref": "Role" } ],
                "PolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } ] }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task EveryEnvironmentAndPipelineProvider_PassesTemplateValidationAndCdkNag()
    {
        // dev, staging and prod with GitHub Actions (the repository's cutover.yaml) and with CodePipeline; each synthesized once.
        var platforms = new[]
        {
            SynthesizedPlatform.Dev,
            SynthesizedPlatform.Staging,
            SynthesizedPlatform.Prod,
            CodePipeline.Dev.Value,
            CodePipeline.Staging.Value,
            SynthesizedPlatform.ProdReleaseTooling,
        };

        var (exitCode, output, summary) = await ValidateAsync(platforms.Select(p => p.Outdir).ToArray());

        summary["templates"]!.GetValue<int>().ShouldBe(platforms.Sum(p => p.StackNames.Count), output);
        summary["template_validation_findings"]!.GetValue<int>().ShouldBe(0, output);
        summary["nag_findings"]!.GetValue<int>().ShouldBe(0, output);
        summary["nag_errors"]!.GetValue<int>().ShouldBe(0, output);
        summary["nag_suppressed"]!.GetValue<int>().ShouldBeGreaterThan(0, output);
        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task TemplateWithKnownViolations_FailsWithEachOneNamed()
    {
        var folder = Directory.CreateTempSubdirectory("cutover-bad-template-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "bad.template.json"), BadTemplate);

            var (exitCode, output, summary) = await ValidateAsync([folder]);

            exitCode.ShouldBe(1, output);
            summary["template_validation_by_rule"]!["F3031"]!.GetValue<int>().ShouldBe(1, output);
            output.ShouldContain("validation: F3031 [warning] bad.template.json Group: GroupDescription: 'this region's tasks'");
            output.ShouldContain("nag: AwsSolutions-IAM5 bad Wildcard Resource::*");
            output.ShouldContain("nag: AwsSolutions-IAM5 bad Wildcard Action::s3:*");
            summary["nag_suppressed"]!.GetValue<int>().ShouldBe(2, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, JsonObject Summary)> ValidateAsync(string[] folders)
    {
        var modules = Path.Combine(RepositoryRoot.Path, "node_modules");
        File.Exists(Path.Combine(modules, "aws-cdk-lib", "package.json")).ShouldBeTrue($"no aws-cdk-lib in {modules}: run scripts/install-deps.sh (npm ci)");
        File.Exists(Path.Combine(modules, "cdk-nag", "package.json")).ShouldBeTrue($"no cdk-nag in {modules}: run scripts/install-deps.sh (npm ci)");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(Script);
        foreach (var folder in folders)
        {
            start.ArgumentList.Add(folder);
        }

        using var timeout = new CancellationTokenSource();
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = $"{await stdout}{await stderr}";
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        last.StartsWith('{').ShouldBeTrue($"no JSON summary as the last line (exit {process.ExitCode}):{System.Environment.NewLine}{output}");
        return (process.ExitCode, string.Join(System.Environment.NewLine, lines), JsonNode.Parse(last)!.AsObject());
    }

    /// <summary>dev and staging of the CodePipeline manifest (prod's is <see cref="SynthesizedPlatform.ProdReleaseTooling"/>).</summary>
    private static class CodePipeline
    {
        public static readonly Lazy<SynthesizedPlatform> Dev = new(() => SynthesizedPlatform.Create("dev", ReleaseToolingManifest.Settings, ReleaseToolingManifest.Build()));
        public static readonly Lazy<SynthesizedPlatform> Staging = new(() => SynthesizedPlatform.Create("staging", ReleaseToolingManifest.Settings, ReleaseToolingManifest.Build()));
    }
}
