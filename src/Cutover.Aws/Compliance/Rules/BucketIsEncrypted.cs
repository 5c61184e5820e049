using Amazon.CDK;
using Amazon.CDK.AWS.S3;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-S3-2: every bucket is encrypted at rest.</summary>
internal sealed class BucketIsEncrypted : ComplianceRule
{
    public override string Id => "CUT-S3-2";

    public override string Title => "S3 buckets are encrypted at rest";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnBucket bucket && resolve(bucket.BucketEncryption) is null)
        {
            yield return "the bucket has no default encryption; set Encryption";
        }
    }
}
