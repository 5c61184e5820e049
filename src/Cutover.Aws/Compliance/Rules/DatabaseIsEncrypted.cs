using Amazon.CDK;
using Amazon.CDK.AWS.RDS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>
/// CUT-RDS-1: database storage is encrypted. A read replica (<c>SourceDBInstanceIdentifier</c>) inherits its source's
/// encryption and may not set <c>StorageEncrypted</c>; it passes with a <c>KmsKeyId</c> (a cross-region replica of an
/// encrypted source needs one in its own region).
/// </summary>
internal sealed class DatabaseIsEncrypted : ComplianceRule
{
    public override string Id => "CUT-RDS-1";

    public override string Title => "RDS storage is encrypted";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnDBInstance instance && !resolve(instance.StorageEncrypted).IsTrue() &&
            (resolve(instance.SourceDbInstanceIdentifier) is null || resolve(instance.KmsKeyId) is null))
        {
            yield return "the database's storage is not encrypted; set StorageEncrypted with a KMS key";
        }
    }
}
