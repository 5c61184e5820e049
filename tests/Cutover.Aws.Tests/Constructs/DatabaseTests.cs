using Amazon.CDK.Assertions;
using Cutover.Aws.Tests.Support;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class DatabaseTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Prod;

    [Fact]
    public void Primary_Prod_IsEncryptedPrivateMultiAzAndBackedUp()
    {
        Prod.Template(Data("prod", "use1")).HasResourceProperties("AWS::RDS::DBInstance", new Dictionary<string, object>
        {
            ["DBInstanceIdentifier"] = "sample-prod-db",
            ["Engine"] = "postgres",
            ["StorageEncrypted"] = true,
            ["KmsKeyId"] = Match.AnyValue(),
            ["PubliclyAccessible"] = false,
            ["MultiAZ"] = true,
            ["BackupRetentionPeriod"] = 35,
            ["DeletionProtection"] = true,
            ["EnableCloudwatchLogsExports"] = new[] { "postgresql", "upgrade" },
        });
    }

    [Fact]
    public void Primary_Always_EnforcesTls()
    {
        var template = Prod.Template(Data("prod", "use1"));
        template.HasResourceProperties("AWS::RDS::DBParameterGroup", new Dictionary<string, object>
        {
            ["Parameters"] = new Dictionary<string, object> { ["rds.force_ssl"] = "1" },
        });
        template.HasResourceProperties("AWS::RDS::DBProxy", new Dictionary<string, object> { ["RequireTLS"] = true, ["EngineFamily"] = "POSTGRESQL" });
    }

    [Fact]
    public void Secret_Always_IsReplicatedToTheSecondRegionAndRotated()
    {
        var template = Prod.Template(Data("prod", "use1"));
        template.HasResourceProperties("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = "cutover/sample/prod/db",
            ["ReplicaRegions"] = new object[] { new Dictionary<string, object> { ["Region"] = "us-east-2" } },
            ["GenerateSecretString"] = Match.ObjectLike(new Dictionary<string, object> { ["GenerateStringKey"] = "password" }),
        });
        template.HasResourceProperties("AWS::SecretsManager::RotationSchedule", new Dictionary<string, object>
        {
            ["RotationRules"] = new Dictionary<string, object> { ["ScheduleExpression"] = "rate(30 days)" },
        });
    }

    [Fact]
    public void Replica_SecondRegion_NamesItsSourceByArnWithAKeyInItsOwnRegion()
    {
        var replica = Prod.Resources(Data("prod", "use2"), "AWS::RDS::DBInstance").Single().Properties;
        replica["SourceDBInstanceIdentifier"]!.ToJsonString().ShouldContain(":rds:us-east-1:111111111111:db:sample-prod-db");
        Prod.Template(Data("prod", "use2")).HasResourceProperties("AWS::RDS::DBInstance", new Dictionary<string, object>
        {
            ["SourceRegion"] = "us-east-1",
            ["KmsKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Key"), "Arn" } },
            ["StorageEncrypted"] = Match.Absent(),
            ["PubliclyAccessible"] = false,
        });
    }

    [Fact]
    public void Primary_Dev_IsSingleAzWithoutDeletionProtection()
    {
        SynthesizedPlatform.Dev.Template(Data("dev", "use1")).HasResourceProperties("AWS::RDS::DBInstance", new Dictionary<string, object>
        {
            ["MultiAZ"] = false,
            ["DeletionProtection"] = false,
            ["StorageEncrypted"] = true,
        });
    }
}
