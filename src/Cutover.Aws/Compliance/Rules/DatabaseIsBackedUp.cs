using Amazon.CDK;
using Amazon.CDK.AWS.RDS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-RDS-3: a source database keeps automated backups (a read replica has none of its own).</summary>
internal sealed class DatabaseIsBackedUp : ComplianceRule
{
    public override string Id => "CUT-RDS-3";

    public override string Title => "RDS instances keep automated backups";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnDBInstance instance &&
            resolve(instance.SourceDbInstanceIdentifier) is null &&
            resolve(instance.BackupRetentionPeriod).Number() is not > 0)
        {
            yield return "the database keeps no automated backups; set BackupRetention to at least 1 day";
        }
    }
}
