using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Cutover.Aws.Compliance;
using Cutover.Aws.Tests.Support;

namespace Cutover.Aws.Tests.Compliance;

public sealed class RulePackTests
{
    private static readonly Lazy<ComplianceReport> BadReport = new(SynthesizeBadStack);

    [Theory]
    [InlineData("CUT-S3-1", "Bad/PublicBucket/Resource")]
    [InlineData("CUT-IAM-1", "Bad/Wildcard/Resource")]
    [InlineData("CUT-RDS-1", "Bad/Unencrypted")]
    [InlineData("CUT-RDS-2", "Bad/Unencrypted")]
    [InlineData("CUT-RDS-3", "Bad/Unencrypted")]
    public void BadConstruct_BreakingARule_IsReportedWithPathAndRuleId(string ruleId, string path)
    {
        BadReport.Value.Unsuppressed.ShouldContain(f => f.RuleId == ruleId && f.Path == path, string.Join(System.Environment.NewLine, BadReport.Value.Findings));
    }

    [Fact]
    public void BadConstruct_WildcardActionAndResource_AreBothNamed()
    {
        var wildcard = BadReport.Value.Findings.Where(f => f.Path == "Bad/Wildcard/Resource").Select(f => f.Message).ToList();
        wildcard.ShouldContain(m => m.Contains("wildcard action \"*\"", StringComparison.Ordinal));
        wildcard.ShouldContain(m => m.Contains("wildcard resource \"*\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Suppression_WithReasonAndAppliesTo_CoversOnlyTheNamedAction()
    {
        var suppressed = BadReport.Value.Findings.Where(f => f.Path == "Bad/Scoped/Resource").ToList();
        suppressed.Single(f => f.Message.Contains("xray:PutTraceSegments", StringComparison.Ordinal)).SuppressionReason.ShouldNotBeNull();
        suppressed.Single(f => f.Message.Contains("s3:GetObject", StringComparison.Ordinal)).SuppressionReason.ShouldBeNull();
    }

    [Fact]
    public void Suppression_WithoutAReason_IsRefused()
    {
        JsiiEnvironment.Silence();
        var app = new App();
        var stack = new Stack(app, "S");
        Should.Throw<ArgumentException>(() => ComplianceSuppressions.Add(stack, "CUT-S3-1", "ok"));
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
        text.ShouldContain(ComplianceSuppressions.MetadataType, customMessage: "suppressions are recorded for auditors");
        BadAnnotations.Value.ShouldContain("[CUT-S3-1]");
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
        new Bucket(stack, "PublicBucket", new BucketProps
        {
            PublicReadAccess = true,
            BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = false, BlockPublicPolicy = false, IgnorePublicAcls = false, RestrictPublicBuckets = false }),
        });
        var role = new Role(stack, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
        new Policy(stack, "Wildcard", new PolicyProps
        {
            Roles = [role],
            Statements = [new PolicyStatement(new PolicyStatementProps { Actions = ["*"], Resources = ["*"] })],
        });
        var scoped = new Policy(stack, "Scoped", new PolicyProps
        {
            Roles = [role],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["xray:PutTraceSegments"], Resources = ["*"] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = ["*"] }),
            ],
        });
        ComplianceSuppressions.Add(scoped, "CUT-IAM-1", "X-Ray takes no resource-level permissions for trace segments.", "xray:PutTraceSegments");
        new CfnDBInstance(stack, "Unencrypted", new CfnDBInstanceProps
        {
            Engine = "postgres",
            DbInstanceClass = "db.t4g.micro",
            AllocatedStorage = "20",
            StorageEncrypted = false,
            PubliclyAccessible = true,
            BackupRetentionPeriod = 0,
        });
        var report = ComplianceChecks.ApplyTo(app);
        app.Synth();
        return report;
    }
}
