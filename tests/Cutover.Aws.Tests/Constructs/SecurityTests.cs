using Amazon.CDK.Assertions;
using Cutover.Aws.Constructs;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class SecurityTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    [Fact]
    public void WebAcl_Alb_UsesTheAwsManagedRuleGroupsAndIsAssociated()
    {
        var template = Prod.Template(Service("prod", "use1"));
        var acl = Prod.Resources(Service("prod", "use1"), "AWS::WAFv2::WebACL").Single().Properties;
        acl["Scope"]!.GetValue<string>().ShouldBe("REGIONAL");
        acl["Rules"]!.AsArray().Select(r => r!["Statement"]!["ManagedRuleGroupStatement"]!["Name"]!.GetValue<string>()).ShouldBe(WebFirewall.ManagedRuleGroups);
        template.HasResourceProperties("AWS::WAFv2::WebACLAssociation", new Dictionary<string, object> { ["ResourceArn"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("LoadBalancer") } });
    }

    [Fact]
    public void ConfigRules_PrimaryRegion_CoverEncryptionPublicBucketsAndThePasswordPolicy()
    {
        var identifiers = Prod.Resources(Security("prod", "use1"), "AWS::Config::ConfigRule")
            .Select(r => r.Properties["Source"]!["SourceIdentifier"]!.GetValue<string>()).Order().ToList();
        identifiers.ShouldBe(["ENCRYPTED_VOLUMES", "IAM_PASSWORD_POLICY", "RDS_STORAGE_ENCRYPTED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"]);
        Prod.Resources(Security("prod", "use2"), "AWS::Config::ConfigRule").Count.ShouldBe(4, "IAM is global: the password policy is checked once");
    }

    [Fact]
    public void GuardDuty_EachRegion_HasADetector()
    {
        foreach (var region in new[] { "use1", "use2" })
        {
            Prod.Template(Security("prod", region)).HasResourceProperties("AWS::GuardDuty::Detector", new Dictionary<string, object> { ["Enable"] = true });
        }
    }

    [Fact]
    public void GitHubRole_Oidc_TrustsOnlyTheRepositorysEnvironment()
    {
        var template = Prod.Template(Security("prod", "use1"));
        template.HasResourceProperties("AWS::IAM::OIDCProvider", new Dictionary<string, object> { ["Url"] = "https://token.actions.githubusercontent.com" });
        template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["RoleName"] = "sample-prod-github-deploy",
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = "sts:AssumeRoleWithWebIdentity",
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object>
                            {
                                ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com",
                                ["token.actions.githubusercontent.com:sub"] = "repo:example-org/sample:environment:prod",
                            },
                        },
                    }),
                },
            }),
        });
        Prod.Template(Security("prod", "use2")).ResourceCountIs("AWS::IAM::OIDCProvider", 0);
    }

    [Fact]
    public void GitHubRole_Release_ReadsTheReplicaInTheSecondRegionAndIsAnOutput()
    {
        var template = Prod.Template(Security("prod", "use1"));
        var policies = Prod.Resources(Security("prod", "use1"), "AWS::IAM::Policy").Select(p => p.Properties.ToJsonString()).ToList();

        policies.ShouldContain(p => p.Contains("\"Sid\":\"EcrReplicaRead\"", StringComparison.Ordinal)
            && p.Contains(":ecr:us-east-2:", StringComparison.Ordinal) && p.Contains(":repository/cutover/sample", StringComparison.Ordinal));
        template.HasOutput("*", new Dictionary<string, object>
        {
            ["Description"] = "Set as AWS_DEPLOY_ROLE_ARN in the GitHub environment prod",
        });
    }

    [Fact]
    public void Templates_Always_HoldNoSecretValue()
    {
        foreach (var stack in Prod.StackNames)
        {
            var text = Prod.TemplateText(stack);
            text.ShouldNotContain("\"MasterUserPassword\": \"", customMessage: stack);
            text.ShouldNotContain("AKIA", customMessage: stack);
        }
    }

    [Fact]
    public void Tags_EveryTaggedResource_CarriesProjectEnvironmentOwnerAndCostCentre()
    {
        var tagged = 0;
        foreach (var stack in Prod.StackNames)
        {
            foreach (var resource in Prod.Json(stack)["Resources"]!.AsObject())
            {
                var tags = resource.Value!["Properties"]?["Tags"];
                if (tags is not System.Text.Json.Nodes.JsonArray list)
                {
                    continue;
                }

                var keys = list.Select(t => t!["Key"]?.GetValue<string>()).ToList();
                keys.ShouldContain("project", $"{stack}/{resource.Key}");
                keys.ShouldContain("environment", $"{stack}/{resource.Key}");
                keys.ShouldContain("owner", $"{stack}/{resource.Key}");
                keys.ShouldContain("cost-centre", $"{stack}/{resource.Key}");
                tagged++;
            }
        }

        tagged.ShouldBeGreaterThan(100);
    }
}
