using System.Text.Json.Nodes;
using Cutover.Aws.Tests.Support;
using Cutover.Pipelines;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class DeliveryPipelineTests
{
    private const string Stack = "sample-prod-pipeline-use1";

    private const string Repository = "arn:aws:ecr:us-east-1:333333333333:repository/cutover/sample";

    private static SynthesizedPlatform Platform => SynthesizedPlatform.ProdReleaseTooling;

    private static JsonObject Template => Platform.Json(Stack);

    private static JsonObject PipelineProperties => Platform.Resources(Stack, "AWS::CodePipeline::Pipeline").Single().Properties;

    private static JsonArray PipelineStages => PipelineProperties["Stages"]!.AsArray();

    [Fact]
    public void Stages_AfterSource_AreThePipelineStageValuesInOrderWithOneActionEach()
    {
        PipelineStages.Select(s => s!["Name"]!.GetValue<string>()).ShouldBe(["Source", .. Enum.GetNames<PipelineStage>()]);
        PipelineStages.Select(s => s!["Actions"]!.AsArray().Count).ShouldAllBe(count => count == 1);
        PipelineStages.Select(s => (s!["Actions"]![0]!["Name"]!.GetValue<string>(), s["Actions"]![0]!["ActionTypeId"]!["Provider"]!.GetValue<string>())).ShouldBe(
        [
            ("GitHub", "CodeStarSourceConnection"),
            ("CompileAndPublishImage", "CodeBuild"),
            ("AllTests", "CodeBuild"),
            ("DependencyAndImageScan", "CodeBuild"),
            ("DeployStaging", "CodeBuild"),
            ("ApproveProduction", "Manual"),
            ("DeployPrimaryRegion", "CodeBuild"),
            ("DeploySecondaryRegion", "CodeBuild"),
        ]);
    }

    [Fact]
    public void Actions_EachCodeBuildStage_RunsItsOwnProject()
    {
        var projects = Platform.Resources(Stack, "AWS::CodeBuild::Project").ToDictionary(p => p.Id, p => p.Properties["Name"]!.GetValue<string>());
        var byStage = PipelineStages
            .Where(s => s!["Actions"]![0]!["ActionTypeId"]!["Provider"]!.GetValue<string>() == "CodeBuild")
            .ToDictionary(s => s!["Name"]!.GetValue<string>(), s => projects[s!["Actions"]![0]!["Configuration"]!["ProjectName"]!["Ref"]!.GetValue<string>()]);

        byStage.ShouldBe(new Dictionary<string, string>
        {
            ["Build"] = "sample-prod-build",
            ["Test"] = "sample-prod-test",
            ["Scan"] = "sample-prod-scan",
            ["Staging"] = "sample-prod-deploy-staging",
            ["ProductionPrimary"] = "sample-prod-deploy-production-primary",
            ["ProductionSecondary"] = "sample-prod-deploy-production-secondary",
        });
    }

    [Fact]
    public void Actions_EveryCodeBuildStage_GetsTheSourceCommitAsTheImageTag()
    {
        var variables = PipelineStages
            .Select(s => s!["Actions"]![0]!)
            .Where(a => a["ActionTypeId"]!["Provider"]!.GetValue<string>() == "CodeBuild")
            .Select(a => JsonNode.Parse(a["Configuration"]!["EnvironmentVariables"]!.GetValue<string>())!.AsArray().Single())
            .ToList();

        variables.Count.ShouldBe(6);
        variables.ShouldAllBe(v => v!["name"]!.GetValue<string>() == "IMAGE_TAG" && v["value"]!.GetValue<string>() == "#{Source.CommitId}");
        PipelineStages[0]!["Actions"]![0]!["Namespace"]!.GetValue<string>().ShouldBe("Source");
    }

    [Fact]
    public void Source_GitHub_ComesThroughTheCodeStarConnectionNeverAToken()
    {
        var source = PipelineStages[0]!["Actions"]![0]!;
        source["ActionTypeId"]!["Owner"]!.GetValue<string>().ShouldBe("AWS");
        source["Configuration"]!.ToJsonString().ShouldBe(new JsonObject
        {
            ["ConnectionArn"] = ReleaseToolingManifest.ConnectionArn,
            ["FullRepositoryId"] = "acme/shop",
            ["BranchName"] = "release",
            ["DetectChanges"] = true,
        }.ToJsonString());

        foreach (var stack in Platform.StackNames)
        {
            var text = Platform.TemplateText(stack);
            text.ShouldNotContain("OAuthToken", customMessage: stack);
            text.ShouldNotContain("\"Provider\": \"GitHub\"", customMessage: stack);
        }

        var role = source["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        TemplateStatement.OfRole(Template, role).ShouldContain(s =>
            s.Actions.SequenceEqual(new[] { "codestar-connections:UseConnection" }) && s.Resources.SequenceEqual(new[] { ReleaseToolingManifest.ConnectionArn }));
    }

    [Fact]
    public void Approval_ManualAction_NotifiesAKmsEncryptedTopicAndMayUseItsKey()
    {
        var approval = PipelineStages.Single(s => s!["Name"]!.GetValue<string>() == nameof(PipelineStage.Approval))!["Actions"]![0]!;
        var topicId = approval["Configuration"]!["NotificationArn"]!["Ref"]!.GetValue<string>();
        approval["Configuration"]!["CustomData"]!.GetValue<string>().ShouldContain("#{Source.CommitId}");

        var topic = Template["Resources"]![topicId]!;
        topic["Type"]!.GetValue<string>().ShouldBe("AWS::SNS::Topic");
        topic["Properties"]!["TopicName"]!.GetValue<string>().ShouldBe("sample-release-approval");
        var keyId = topic["Properties"]!["KmsMasterKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        Template["Resources"]![keyId]!["Type"]!.GetValue<string>().ShouldBe("AWS::KMS::Key");
        Template["Resources"]![keyId]!["Properties"]!["EnableKeyRotation"]!.GetValue<bool>().ShouldBeTrue();

        var role = approval["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        TemplateStatement.OfRole(Template, role).Select(s => (string.Join(",", s.Actions), string.Join(",", s.Resources))).ShouldBe(
            [("kms:Decrypt,kms:GenerateDataKey*", $"{{{keyId}.Arn}}"), ("sns:Publish", $"{{{topicId}}}")],
            ignoreOrder: true);
    }

    [Fact]
    public void BuildRole_Policy_AllowsExactlyCompilingAndPushingToTheServicesRepository()
    {
        var statements = TemplateStatement.OfRole(Template, TemplateStatement.RoleId(Template, "sample-prod-codebuild-build"));

        statements.SelectMany(s => s.Actions).Distinct().Order(StringComparer.Ordinal).ShouldBe(
        [
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:GetAuthorizationToken",
            "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
            "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*",
            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
            "s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*", "s3:List*", "s3:PutObject", "s3:PutObjectLegalHold",
            "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging",
        ]);
        statements.Single(s => s.Sid == "EcrLogin").ShouldBe(new TemplateStatement("EcrLogin", "Allow", ["ecr:GetAuthorizationToken"], ["*"]));
        var push = statements.Single(s => s.Sid == "EcrPush");
        push.Resources.ShouldBe([Repository]);
        push.Actions.ShouldNotContain("ecr:GetAuthorizationToken");
        statements.Where(s => s.Sid != "EcrLogin").SelectMany(s => s.Resources).ShouldAllBe(r => r != "*");
    }

    [Fact]
    public void ScanAndTestRoles_Policies_ReadFindingsOfTheRepositoryAndWriteTheirOwnReports()
    {
        var scan = TemplateStatement.OfRole(Template, TemplateStatement.RoleId(Template, "sample-prod-codebuild-scan"));
        scan.Single(s => s.Sid == "EcrScanFindings").ShouldBe(new TemplateStatement("EcrScanFindings", "Allow", ["ecr:DescribeImageScanFindings", "ecr:DescribeImages"], [Repository]));
        scan.SelectMany(s => s.Actions).Where(a => a.StartsWith("ecr:", StringComparison.Ordinal)).Distinct().Order().ShouldBe(["ecr:DescribeImageScanFindings", "ecr:DescribeImages"]);

        var test = TemplateStatement.OfRole(Template, TemplateStatement.RoleId(Template, "sample-prod-codebuild-test"));
        test.SelectMany(s => s.Actions).ShouldNotContain(a => a.StartsWith("ecr:", StringComparison.Ordinal) || a.StartsWith("sts:", StringComparison.Ordinal));
        var reports = test.Single(s => s.Actions.Contains("codebuild:BatchPutTestCases"));
        reports.Resources.Single().ShouldEndWith("-*");
        reports.Resources.Single().ShouldStartWith("arn:aws:codebuild:us-east-1:333333333333:report-group/");
        Platform.Resources(Stack, "AWS::CodeBuild::ReportGroup").Single().Properties["Name"]!.GetValue<string>().ShouldBe("sample-prod-test-tests");
    }

    [Theory]
    [InlineData("sample-prod-codebuild-deploy-staging", "222222222222", new[] { "us-east-1", "us-east-2" })]
    [InlineData("sample-prod-codebuild-deploy-production-primary", "333333333333", new[] { "us-east-1" })]
    [InlineData("sample-prod-codebuild-deploy-production-secondary", "333333333333", new[] { "us-east-2" })]
    public void DeployRole_Policy_MayAssumeOnlyTheCdkRolesOfItsTargetAccountAndRegions(string role, string account, string[] regions)
    {
        var statements = TemplateStatement.OfRole(Template, TemplateStatement.RoleId(Template, role));

        var assume = statements.Single(s => s.Actions.Contains("sts:AssumeRole"));
        assume.Actions.ShouldBe(["sts:AssumeRole"]);
        assume.Resources.ShouldBe(regions.SelectMany(region => new[]
        {
            $"arn:aws:iam::{account}:role/cdk-hnb659fds-deploy-role-{account}-{region}",
            $"arn:aws:iam::{account}:role/cdk-hnb659fds-file-publishing-role-{account}-{region}",
        }));
        // Reading the source artifact and writing logs is all the rest: the deploy itself runs as the bootstrap roles.
        statements.SelectMany(s => s.Actions).Select(a => a.Split(':')[0]).Distinct().Order().ShouldBe(["kms", "logs", "s3", "sts"]);
        statements.SelectMany(s => s.Actions).Where(a => a.StartsWith("s3:", StringComparison.Ordinal)).Distinct().Order().ShouldBe(["s3:GetBucket*", "s3:GetObject*", "s3:List*"]);
    }

    [Fact]
    public void PipelineStack_EveryPolicy_AllowsNoWildcardActionAndStarResourceOnlyForEcrLogin()
    {
        var statements = TemplateStatement.All(Template);
        statements.Count.ShouldBeGreaterThan(30);
        foreach (var (policy, statement) in statements.Where(s => s.Statement.Effect == "Allow"))
        {
            statement.Actions.ShouldNotContain(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal), policy);
            if (statement.Resources.Contains("*"))
            {
                // ecr:GetAuthorizationToken has no resource-level permissions (IAM service authorization reference).
                statement.Actions.ShouldBe(["ecr:GetAuthorizationToken"], policy);
            }
        }

        statements.Count(s => s.Statement.Resources.Contains("*")).ShouldBe(1);
    }

    [Fact]
    public void Artifacts_Bucket_IsKmsEncryptedPrivateAndTlsOnly()
    {
        var (bucketId, bucket) = Platform.Resources(Stack, "AWS::S3::Bucket").Single();
        var keyId = Platform.Resources(Stack, "AWS::KMS::Key").Single().Id;
        bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!.ToJsonString().ShouldBe(
            new JsonObject { ["KMSMasterKeyID"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(keyId, "Arn") }, ["SSEAlgorithm"] = "aws:kms" }.ToJsonString());
        bucket["PublicAccessBlockConfiguration"]!.AsObject().Select(p => p.Value!.GetValue<bool>()).ShouldBe([true, true, true, true]);
        var policy = Platform.Resources(Stack, "AWS::S3::BucketPolicy").Single().Properties;
        policy["Bucket"]!["Ref"]!.GetValue<string>().ShouldBe(bucketId);
        policy["PolicyDocument"]!["Statement"]!.AsArray().ShouldContain(s =>
            s!["Effect"]!.GetValue<string>() == "Deny" && s["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>() == "false");
        PipelineProperties["ArtifactStore"]!["EncryptionKey"]!["Id"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldBe(keyId);
        PipelineProperties["ArtifactStore"]!["Location"]!["Ref"]!.GetValue<string>().ShouldBe(bucketId);
    }

    [Fact]
    public void Projects_Buildspecs_RunWhatTheirStageIsFor()
    {
        var projects = Platform.Resources(Stack, "AWS::CodeBuild::Project").ToDictionary(p => p.Properties["Name"]!.GetValue<string>(), p => p.Properties);
        string Spec(string name) => projects[name]["Source"]!["BuildSpec"]!.GetValue<string>();

        Spec("sample-prod-build").ShouldContain("dotnet build Cutover.slnx -c Release --no-restore");
        Spec("sample-prod-build").ShouldContain("/t:PublishContainer");
        Spec("sample-prod-test").ShouldContain("./scripts/test.sh");
        Spec("sample-prod-test").ShouldContain("VISUALSTUDIOTRX");
        Spec("sample-prod-scan").ShouldContain("package --vulnerable --include-transitive");
        Spec("sample-prod-scan").ShouldContain("aws ecr wait image-scan-complete");
        Spec("sample-prod-scan").ShouldContain("describe-image-scan-findings");
        Spec("sample-prod-deploy-staging").ShouldContain("cdk deploy $STACKS --exclusively");
        projects.Values.ShouldAllBe(p => !p["Environment"]!["PrivilegedMode"]!.GetValue<bool>());
        projects.Values.ShouldAllBe(p => p["EncryptionKey"] != null);
    }

    [Fact]
    public void DeployProjects_Variables_NameTheEnvironmentAndItsStacksInDeploymentOrder()
    {
        var projects = Platform.Resources(Stack, "AWS::CodeBuild::Project").ToDictionary(p => p.Properties["Name"]!.GetValue<string>(), p => p.Properties);
        Dictionary<string, string> Variables(string name) =>
            projects[name]["Environment"]!["EnvironmentVariables"]!.AsArray().ToDictionary(v => v!["Name"]!.GetValue<string>(), v => v!["Value"]!.GetValue<string>());

        Variables("sample-prod-deploy-staging")["CUTOVER_ENVIRONMENT"].ShouldBe("staging");
        Variables("sample-prod-deploy-staging")["STACKS"].Split(' ').ShouldBe(SynthesizedPlatform.Staging.StackNames);
        Variables("sample-prod-deploy-production-primary")["STACKS"].ShouldBe(
            $"{Network("prod", "use1")} {Peering("prod")} {Data("prod", "use1")} {Service("prod", "use1")} {Security("prod", "use1")}");
        Variables("sample-prod-deploy-production-secondary")["STACKS"].ShouldBe(
            $"{Network("prod", "use2")} {PeeringRoutes("prod")} {Data("prod", "use2")} {Service("prod", "use2")} {Security("prod", "use2")}");
        Variables("sample-prod-deploy-production-secondary")["CDK_CLI_VERSION"].ShouldBe("2.160.0");
        Variables("sample-prod-build").ShouldBe(new Dictionary<string, string>
        {
            ["IMAGE_ACCOUNT"] = "333333333333",
            ["IMAGE_PROJECT"] = "samples/Cutover.SampleService",
            ["IMAGE_REGION"] = "us-east-1",
            ["IMAGE_REPOSITORY"] = "cutover/sample",
        });
    }

    [Fact]
    public void GitHubActionsProvider_Default_BuildsNoPipelineAndKeepsTheOidcRole()
    {
        SynthesizedPlatform.Prod.Stacks.Pipeline.ShouldBeNull();
        SynthesizedPlatform.Prod.StackNames.ShouldNotContain(s => s.Contains("pipeline", StringComparison.Ordinal));
        foreach (var stack in SynthesizedPlatform.Prod.StackNames)
        {
            SynthesizedPlatform.Prod.Resources(stack, "AWS::CodePipeline::Pipeline").ShouldBeEmpty(stack);
            SynthesizedPlatform.Prod.Resources(stack, "AWS::CodeBuild::Project").ShouldBeEmpty(stack);
        }

        SynthesizedPlatform.Prod.Resources(Security("prod", "use1"), "AWS::IAM::OIDCProvider").Count.ShouldBe(1);
    }

    [Fact]
    public void CodePipelineProvider_Security_HasNoGitHubOidcRole()
    {
        Platform.StackNames.ShouldContain(Stack);
        Platform.Resources(Security("prod", "use1"), "AWS::IAM::OIDCProvider").ShouldBeEmpty();
        Platform.TemplateText(Security("prod", "use1")).ShouldNotContain("github-deploy");
    }

    [Fact]
    public void CodePipelineProvider_Compliance_HasNoFindingAndTheEcrLoginSuppressedForCdkNagWithItsReason()
    {
        Platform.Compliance.Unsuppressed.ShouldBeEmpty(string.Join(System.Environment.NewLine, Platform.Compliance.Unsuppressed));
        var policy = Platform.Json(Stack)["Resources"]!.AsObject().Single(r => r.Key.StartsWith("DeliveryBuildRoleDefaultPolicy", StringComparison.Ordinal)).Value!;
        var iam5 = policy["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "AwsSolutions-IAM5")!;
        iam5["reason"]!.GetValue<string>().ShouldContain("ecr:GetAuthorizationToken");
        iam5["applies_to"]!.AsArray().Select(a => a!.ToJsonString()).ShouldContain("\"Resource::*\"");
    }
}
