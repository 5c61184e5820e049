using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// AWS Backup: a KMS-encrypted vault in each region; in the primary region a daily plan for the database that copies
/// every recovery point to the other region's vault (named, so no cross-region reference), and a weekly restore test
/// that restores the latest recovery point and deletes it after validation.
/// </summary>
internal sealed class BackupPlan : Construct
{
    public BackupPlan(Construct scope, string id, Deployment deployment, RegionPlan region, IKey key, string? databaseArn)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var settings = deployment.Settings;
        Vault = new BackupVault(this, "Vault", new BackupVaultProps
        {
            BackupVaultName = deployment.BackupVaultName,
            EncryptionKey = key,
            RemovalPolicy = settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        if (databaseArn is null)
        {
            return;
        }

        var other = deployment.Other(region);
        var copyVault = BackupVault.FromBackupVaultArn(this, "CopyVault", $"arn:{stack.Partition}:backup:{other.Region}:{deployment.Account}:backup-vault:{deployment.BackupVaultName}");
        Plan = new Amazon.CDK.AWS.Backup.BackupPlan(this, "Plan", new BackupPlanProps
        {
            BackupPlanName = $"{deployment.Prefix}-daily",
            BackupVault = Vault,
            BackupPlanRules =
            [
                new BackupPlanRule(new BackupPlanRuleProps
                {
                    RuleName = "daily",
                    ScheduleExpression = Schedule.Cron(new CronOptions { Hour = "5", Minute = "0" }),
                    DeleteAfter = Duration.Days(settings.BackupRetentionDays),
                    CopyActions = [new BackupPlanCopyActionProps { DestinationBackupVault = copyVault, DeleteAfter = Duration.Days(settings.BackupRetentionDays) }],
                }),
            ],
        });
        Plan.AddSelection("Database", new BackupSelectionOptions
        {
            BackupSelectionName = "database",
            Resources = [BackupResource.FromArn(databaseArn)],
        });

        var restoreRole = new Role(this, "RestoreTestingRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
            Description = "Restores recovery points for AWS Backup restore testing.",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForRestores")],
        });
        RestoreTesting = new CfnRestoreTestingPlan(this, "RestoreTesting", new CfnRestoreTestingPlanProps
        {
            RestoreTestingPlanName = $"{deployment.Prefix.Replace('-', '_')}_weekly",
            ScheduleExpression = "cron(0 6 ? * SUN *)",
            RecoveryPointSelection = new CfnRestoreTestingPlan.RestoreTestingRecoveryPointSelectionProperty
            {
                Algorithm = "LATEST_WITHIN_WINDOW",
                IncludeVaults = [Vault.BackupVaultArn],
                RecoveryPointTypes = ["SNAPSHOT"],
                SelectionWindowDays = 7,
            },
        });
        new CfnRestoreTestingSelection(this, "RestoreTestingDatabase", new CfnRestoreTestingSelectionProps
        {
            RestoreTestingPlanName = RestoreTesting.RestoreTestingPlanName,
            RestoreTestingSelectionName = "database",
            ProtectedResourceType = "RDS",
            ProtectedResourceArns = [databaseArn],
            IamRoleArn = restoreRole.RoleArn,
            ValidationWindowHours = 4,
        });
    }

    public BackupVault Vault { get; }

    public Amazon.CDK.AWS.Backup.BackupPlan? Plan { get; }

    public CfnRestoreTestingPlan? RestoreTesting { get; }
}
