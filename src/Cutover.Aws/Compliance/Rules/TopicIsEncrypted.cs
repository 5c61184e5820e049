using Amazon.CDK;
using Amazon.CDK.AWS.SNS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-SNS-1: topics are encrypted with KMS.</summary>
internal sealed class TopicIsEncrypted : ComplianceRule
{
    public override string Id => "CUT-SNS-1";

    public override string Title => "SNS topics are encrypted with KMS";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnTopic topic && resolve(topic.KmsMasterKeyId) is null)
        {
            yield return "the topic is not encrypted; set MasterKey";
        }
    }
}
