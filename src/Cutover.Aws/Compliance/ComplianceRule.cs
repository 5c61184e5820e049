using Amazon.CDK;

namespace Cutover.Aws.Compliance;

/// <summary>
/// One check of the rule pack, in the spirit of cdk-nag's AwsSolutions rules: it looks at one L1 resource (with its
/// tokens resolved) and says what is wrong with it, if anything.
/// </summary>
public abstract class ComplianceRule
{
    /// <summary>Stable id such as <c>CUT-EC2-1</c>, used in findings and suppressions.</summary>
    public abstract string Id { get; }

    /// <summary>What the rule demands, in one line.</summary>
    public abstract string Title { get; }

    /// <summary>The problems with <paramref name="resource"/>; empty when it complies or the rule does not apply to it.</summary>
    public abstract IEnumerable<string> Check(CfnResource resource, Resolver resolve);
}
