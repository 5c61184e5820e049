using Amazon.CDK.AWS.Lambda;

namespace Cutover.Aws.Compatibility;

/// <summary>
/// The Node.js Lambda runtime of every function in the templates, ours and CDK's own handlers. CDK 2.160 knows no newer
/// runtime than nodejs20.x, which AWS deprecated on 2026-04-30 and stops creating on 2027-02-01 (CloudFormation Validate
/// W2531, issue 14). nodejs24.x is the newest runtime aws-cdk-lib 2.276 and the validator know (the validator's
/// suggestion, and cdk-nag's AwsSolutions-L1 asks for the newest), supported until 2028-04-30; nodejs22.x would pass the
/// validator but fail L1 and is deprecated on 2027-04-30. Node 24 on Lambda runs async handlers only: ours and CDK's
/// cross-region handlers (<c>async function handler(event, context)</c>) are.
/// </summary>
internal static class NodeRuntime
{
    public const string Name = "nodejs24.x";

    public static Runtime Current { get; } = new(Name, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true });
}
