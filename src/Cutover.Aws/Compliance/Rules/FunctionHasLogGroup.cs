using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-LAMBDA-1: a function logs to a log group the stack owns (with retention and KMS), not an implicit one kept forever.</summary>
internal sealed class FunctionHasLogGroup : ComplianceRule
{
    public override string Id => "CUT-LAMBDA-1";

    public override string Title => "Lambda functions log to an explicit log group";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnFunction function && resolve(function.LoggingConfig).Get("LogGroup") is null)
        {
            yield return "the function logs to an implicit log group without retention; set LogGroup";
        }
    }
}
