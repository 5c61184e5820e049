using Amazon.CDK;
using Amazon.CDK.AWS.RDS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-RDS-2: no database is publicly accessible.</summary>
internal sealed class DatabaseIsPrivate : ComplianceRule
{
    public override string Id => "CUT-RDS-2";

    public override string Title => "RDS instances are not publicly accessible";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnDBInstance instance && resolve(instance.PubliclyAccessible).IsTrue())
        {
            yield return "the database is publicly accessible; keep it in isolated subnets with PubliclyAccessible false";
        }
    }
}
