using Amazon.CDK;
using Amazon.CDK.AWS.RDS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-RDS-1: database storage is encrypted.</summary>
internal sealed class DatabaseIsEncrypted : ComplianceRule
{
    public override string Id => "CUT-RDS-1";

    public override string Title => "RDS storage is encrypted";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnDBInstance instance && !resolve(instance.StorageEncrypted).IsTrue())
        {
            yield return "the database's storage is not encrypted; set StorageEncrypted with a KMS key";
        }
    }
}
