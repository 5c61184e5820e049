using System.Runtime.CompilerServices;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// Writes <see cref="CdkNagSuppressions"/> into an L1 resource's <c>cdk_nag</c> metadata, every suppression of the
/// resource in one list (CDK keeps one value per metadata key). The late ones, recorded with
/// <see cref="CdkNagSuppressions.AddUnder"/>, are written by a construct validation (after CDK has prepared the app,
/// before the templates are written) onto the providers CDK adds while it prepares, its cross-region reference
/// handlers. The validation looks only below those constructs: jsii runs it as one callback, and thousands of calls in
/// one callback overflow Node's stack. It reports no error. There is no aspect: a jsii callback for every construct of
/// the app made synthesis of prod three times slower.
/// </summary>
internal sealed class CdkNagMetadata : DeputyBase, IValidation
{
    /// <summary>The construct id CDK gives the providers it adds while it prepares the app.</summary>
    public const string LateProviderPrefix = "Custom::CrossRegionExport";

    // jsii hands .NET the same proxy for the same construct, so a resource's earlier suppressions are found here
    // without reading its metadata back through jsii.
    private static readonly ConditionalWeakTable<CfnResource, List<Dictionary<string, object>>> Written = [];

    private readonly Stack _stack;

    private CdkNagMetadata(Stack stack) => _stack = stack;

    /// <summary>Adds the late writer to every stack of <paramref name="app"/>.</summary>
    public static void ApplyTo(App app)
    {
        foreach (var stack in app.Node.Children.OfType<Stack>())
        {
            stack.Node.AddValidation(new CdkNagMetadata(stack));
        }
    }

    public string[] Validate()
    {
        var late = _stack.Node.Metadata
            .Where(e => e.Type == CdkNagSuppressions.MetadataType)
            .Select(e => CdkNagSuppressions.CdkNagSuppression.Decode(e.Data))
            .OfType<CdkNagSuppressions.CdkNagSuppression>()
            .ToList();
        if (late.Count == 0)
        {
            return [];
        }

        foreach (var provider in _stack.Node.Children.Where(c => c.Node.Id.StartsWith(LateProviderPrefix, StringComparison.Ordinal)))
        {
            var suppressions = late.Where(s => provider.Node.Id.StartsWith(s.UnderId!, StringComparison.Ordinal)).ToList();
            foreach (var resource in provider.Node.FindAll().OfType<CfnResource>())
            {
                foreach (var suppression in suppressions)
                {
                    Write(resource, suppression);
                }
            }
        }

        return [];
    }

    /// <summary>Adds <paramref name="suppression"/> to the resource's <c>cdk_nag</c> metadata.</summary>
    public static void Write(CfnResource resource, CdkNagSuppressions.CdkNagSuppression suppression)
    {
        var rules = Written.GetOrCreateValue(resource);
        rules.Add(ToMetadata(suppression));
        resource.AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }

    private static Dictionary<string, object> ToMetadata(CdkNagSuppressions.CdkNagSuppression suppression)
    {
        var rule = new Dictionary<string, object> { ["id"] = suppression.RuleId, ["reason"] = suppression.Reason };
        if (suppression.AppliesTo.Count > 0)
        {
            rule["applies_to"] = suppression.AppliesTo
                .Select(a => a.StartsWith('/') ? (object)new Dictionary<string, object> { ["regex"] = a } : a)
                .ToArray();
        }

        return rule;
    }
}
