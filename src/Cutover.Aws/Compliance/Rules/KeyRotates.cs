using Amazon.CDK;
using Amazon.CDK.AWS.KMS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-KMS-1: customer-managed keys rotate.</summary>
internal sealed class KeyRotates : ComplianceRule
{
    public override string Id => "CUT-KMS-1";

    public override string Title => "KMS keys rotate yearly";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnKey key && !resolve(key.EnableKeyRotation).IsTrue())
        {
            yield return "the key does not rotate; set EnableKeyRotation";
        }
    }
}
