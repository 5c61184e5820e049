using Amazon.CDK.AWS.Lambda;

namespace Cutover.Aws.Compatibility;

/// <summary>
/// The Node.js Lambda runtime of every function in the templates, ours and CDK's own handlers. CDK 2.160 knows no newer
/// runtime than nodejs20.x, which AWS deprecated on 2026-04-30 and stops creating on 2027-02-01 (CloudFormation Validate
/// W2531, issue 14); nodejs22.x is supported until 2027-04-30 and passes the validator without a finding.
/// </summary>
internal static class NodeRuntime
{
    public const string Name = "nodejs22.x";

    public static Runtime Current { get; } = new(Name, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true });
}
