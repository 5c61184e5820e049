using Amazon.CDK;
using Amazon.CDK.AWS.Logs;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-LOG-1: every log group has a retention and a KMS key.</summary>
internal sealed class LogGroupIsRetainedAndEncrypted : ComplianceRule
{
    public override string Id => "CUT-LOG-1";

    public override string Title => "Log groups have a retention and are encrypted with KMS";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is not CfnLogGroup group)
        {
            yield break;
        }

        if (resolve(group.RetentionInDays) is null)
        {
            yield return "the log group keeps logs forever; set a retention";
        }

        if (resolve(group.KmsKeyId) is null)
        {
            yield return "the log group is not encrypted with a KMS key";
        }
    }
}
