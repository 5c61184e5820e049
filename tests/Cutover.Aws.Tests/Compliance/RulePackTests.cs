using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Lambda;
using Cutover.Aws.Compliance;
using Cutover.Aws.Tests.Support;

namespace Cutover.Aws.Tests.Compliance;

public sealed class RulePackTests
{
    private static readonly Lazy<ComplianceReport> BadReport = new(SynthesizeBadStack);

    [Theory]
    [InlineData("CUT-EC2-1", "Bad/OpenSsh")]
    [InlineData("CUT-ECR-1", "Bad/Mutable")]
    [InlineData("CUT-LAMBDA-1", "Bad/Implicit")]
    [InlineData("CUT-ECS-1", "Bad/Plain")]
    public void BadConstruct_BreakingARule_IsReportedWithPathAndRuleId(string ruleId, string path)
    {
        BadReport.Value.Unsuppressed.ShouldContain(f => f.RuleId == ruleId && f.Path == path, string.Join(System.Environment.NewLine, BadReport.Value.Findings));
    }

    [Fact]
    public void BadConstruct_MutableUnscannedRepository_HasBothProblemsNamed()
    {
        var repository = BadReport.Value.Findings.Where(f => f.Path == "Bad/Mutable").Select(f => f.Message).ToList();
        repository.ShouldContain(m => m.Contains("not scanned on push", StringComparison.Ordinal));
        repository.ShouldContain(m => m.Contains("tags are mutable", StringComparison.Ordinal));
    }

    [Fact]
    public void Suppression_WithReasonAndAppliesTo_CoversOnlyTheNamedVariable()
    {
        var plain = BadReport.Value.Findings.Where(f => f.Path == "Bad/Plain").ToList();
        plain.Single(f => f.Message.Contains("API_TOKEN", StringComparison.Ordinal)).SuppressionReason.ShouldNotBeNull();
        plain.Single(f => f.Message.Contains("DB_PASSWORD", StringComparison.Ordinal)).SuppressionReason.ShouldBeNull();
    }

    [Fact]
    public void RulePack_HasOnlyRulesCdkNagLacks()
    {
        // Encryption, public access, wildcard IAM, backups, log retention, key rotation and Container Insights are
        // cdk-nag's (TemplateValidatorTests); the pack keeps what cdk-nag does not check.
        RulePack.All.Select(r => r.Id).ShouldBe(["CUT-EC2-1", "CUT-ECS-1", "CUT-ECR-1", "CUT-ELB-1", "CUT-LAMBDA-1"], ignoreOrder: true);
    }

    [Fact]
    public void Suppression_WithoutAReason_IsRefused()
    {
        JsiiEnvironment.Silence();
        var app = new App();
        var stack = new Stack(app, "S");
        Should.Throw<ArgumentException>(() => ComplianceSuppressions.Add(stack, "CUT-EC2-1", "ok"));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("staging")]
    [InlineData("dev")]
    public void RealApp_EachEnvironment_HasNoUnexplainedFindings(string environment)
    {
        var platform = environment switch { "prod" => SynthesizedPlatform.Prod, "staging" => SynthesizedPlatform.Staging, _ => SynthesizedPlatform.Dev };
        platform.Compliance.Unsuppressed.ShouldBeEmpty(string.Join(System.Environment.NewLine, platform.Compliance.Unsuppressed));
        platform.Compliance.Suppressed.ShouldAllBe(f => f.SuppressionReason!.Length >= ComplianceSuppressions.MinimumReasonLength);
    }

    [Fact]
    public void RealApp_Findings_FailSynthAsErrorAnnotationsWithThePath()
    {
        var manifest = SynthesizedPlatform.Prod.Outdir;
        var text = File.ReadAllText(Path.Combine(manifest, "manifest.json"));
        text.ShouldNotContain("[CUT-", customMessage: "no error annotation on the real app");
        BadAnnotations.Value.ShouldContain("[CUT-EC2-1]");
        BadAnnotations.Value.ShouldContain(ComplianceSuppressions.MetadataType, customMessage: "suppressions are recorded for auditors");
    }

    private static readonly Lazy<string> BadAnnotations = new(() =>
    {
        _ = BadReport.Value;
        return File.ReadAllText(Path.Combine(_badOutdir!, "manifest.json"));
    });

    private static string? _badOutdir;

    private static ComplianceReport SynthesizeBadStack()
    {
        JsiiEnvironment.Silence();
        _badOutdir = Directory.CreateTempSubdirectory("cutover-bad-").FullName;
        var app = new App(new AppProps { Outdir = _badOutdir });
        var stack = new Stack(app, "Bad");
        new CfnSecurityGroup(stack, "OpenSsh", new CfnSecurityGroupProps
        {
            GroupDescription = "ssh from anywhere",
            SecurityGroupIngress = new object[] { new CfnSecurityGroup.IngressProperty { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "0.0.0.0/0" } },
        });
        new CfnRepository(stack, "Mutable", new CfnRepositoryProps { RepositoryName = "mutable" });
        new CfnFunction(stack, "Implicit", new CfnFunctionProps
        {
            Code = new CfnFunction.CodeProperty { ZipFile = "exports.handler = async () => {};" },
            Handler = "index.handler",
            Runtime = "nodejs24.x",
            Role = "arn:aws:iam::123456789012:role/bad",
        });
        var plain = new CfnTaskDefinition(stack, "Plain", new CfnTaskDefinitionProps
        {
            ContainerDefinitions = new object[]
            {
                new CfnTaskDefinition.ContainerDefinitionProperty
                {
                    Name = "app",
                    Image = "app:1",
                    Environment = new object[]
                    {
                        new CfnTaskDefinition.KeyValuePairProperty { Name = "DB_PASSWORD", Value = "hunter2" },
                        new CfnTaskDefinition.KeyValuePairProperty { Name = "API_TOKEN", Value = "public-demo-token" },
                    },
                },
            },
        });
        ComplianceSuppressions.Add(plain, "CUT-ECS-1", "The demo token is published in the service's own documentation.", "API_TOKEN");
        var report = ComplianceChecks.ApplyTo(app);
        app.Synth();
        return report;
    }
}
