using Amazon.CDK;
using Amazon.CDK.AWS.S3;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-S3-1: every bucket blocks all public access (the four public-access-block switches on).</summary>
internal sealed class BucketBlocksPublicAccess : ComplianceRule
{
    public override string Id => "CUT-S3-1";

    public override string Title => "S3 buckets block all public access";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is not CfnBucket bucket)
        {
            yield break;
        }

        var block = resolve(bucket.PublicAccessBlockConfiguration);
        string[] switches = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];
        var off = switches.Where(s => !block.Get(s).IsTrue()).ToList();
        if (off.Count > 0)
        {
            yield return $"the bucket does not block public access ({string.Join(", ", off)} not set); set BlockPublicAccess.BLOCK_ALL";
        }
    }
}
