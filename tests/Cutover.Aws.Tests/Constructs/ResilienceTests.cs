using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class ResilienceTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    [Theory]
    [InlineData("use1", "PRIMARY")]
    [InlineData("use2", "SECONDARY")]
    public void Failover_EachRegion_HasAHealthCheckedFailoverRecord(string region, string role)
    {
        var template = Prod.Template(Service("prod", region));
        template.HasResourceProperties("AWS::Route53::RecordSet", new Dictionary<string, object>
        {
            ["Name"] = "sample.example.com",
            ["Type"] = "A",
            ["Failover"] = role,
            ["HealthCheckId"] = Match.AnyValue(),
            ["AliasTarget"] = Match.ObjectLike(new Dictionary<string, object> { ["EvaluateTargetHealth"] = true }),
        });
        template.HasResourceProperties("AWS::Route53::HealthCheck", new Dictionary<string, object>
        {
            ["HealthCheckConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "HTTPS", ["ResourcePath"] = "/health/ready", ["Port"] = 443 }),
        });
    }

    [Fact]
    public void Backup_PrimaryRegion_CopiesToTheSecondRegionsVault()
    {
        var template = Prod.Template(Data("prod", "use1"));
        template.HasResourceProperties("AWS::Backup::BackupPlan", new Dictionary<string, object>
        {
            ["BackupPlan"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["BackupPlanRule"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["CopyActions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["DestinationBackupVaultArn"] = Match.AnyValue() }) },
                        ["Lifecycle"] = new Dictionary<string, object> { ["DeleteAfterDays"] = 35 },
                    }),
                },
            }),
        });
        Prod.Resources(Data("prod", "use1"), "AWS::Backup::BackupPlan").Single().Properties.ToJsonString()
            .ShouldContain(":backup:us-east-2:111111111111:backup-vault:sample-prod-vault");
        template.HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object> { ["BackupVaultName"] = "sample-prod-vault", ["EncryptionKeyArn"] = Match.AnyValue() });
        Prod.Template(Data("prod", "use2")).HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object> { ["BackupVaultName"] = "sample-prod-vault" });
    }

    [Fact]
    public void RestoreTesting_PrimaryRegion_RestoresTheDatabaseWeekly()
    {
        var template = Prod.Template(Data("prod", "use1"));
        template.HasResourceProperties("AWS::Backup::RestoreTestingPlan", new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 6 ? * SUN *)",
            ["RecoveryPointSelection"] = Match.ObjectLike(new Dictionary<string, object> { ["Algorithm"] = "LATEST_WITHIN_WINDOW" }),
        });
        template.HasResourceProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object> { ["ProtectedResourceType"] = "RDS" });
    }
}
