using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// Writes the <see cref="CdkNagSuppressions"/> recorded on constructs into each L1 resource's <c>cdk_nag</c> metadata:
/// as an aspect for the resources that exist when aspects run, and as a construct validation (after CDK has prepared the
/// app, before the templates are written) for those CDK adds late, its cross-region reference handlers. The validation
/// looks only below those constructs: jsii runs it as one callback, and thousands of calls in one callback overflow
/// Node's stack. It reports no error.
/// </summary>
internal sealed class CdkNagMetadata : DeputyBase, IAspect, IValidation
{
    /// <summary>The construct id CDK gives the providers it adds while it prepares the app.</summary>
    public const string LateProviderPrefix = "Custom::CrossRegionExport";

    private readonly Stack? _stack;

    private CdkNagMetadata(Stack? stack) => _stack = stack;

    public static void ApplyTo(App app)
    {
        Aspects.Of(app).Add(new CdkNagMetadata(null));
        foreach (var stack in app.Node.Children.OfType<Stack>())
        {
            stack.Node.AddValidation(new CdkNagMetadata(stack));
        }
    }

    public void Visit(IConstruct node)
    {
        if (node is CfnResource resource)
        {
            Write(resource);
        }
    }

    public string[] Validate()
    {
        foreach (var provider in _stack!.Node.Children.Where(c => c.Node.Id.StartsWith(LateProviderPrefix, StringComparison.Ordinal)))
        {
            foreach (var resource in provider.Node.FindAll().OfType<CfnResource>())
            {
                Write(resource);
            }
        }

        return [];
    }

    private static void Write(CfnResource resource)
    {
        var rules = SuppressionsFor(resource).Select(ToMetadata).ToArray();
        if (rules.Length > 0)
        {
            resource.AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = rules });
        }
    }

    private static IEnumerable<CdkNagSuppressions.CdkNagSuppression> SuppressionsFor(CfnResource resource)
    {
        var scopes = resource.Node.Scopes;
        var ids = scopes.Select(s => s.Node.Id).ToArray();
        for (var i = 0; i < scopes.Length; i++)
        {
            foreach (var entry in scopes[i].Node.Metadata)
            {
                if (entry.Type == CdkNagSuppressions.MetadataType && CdkNagSuppressions.CdkNagSuppression.Decode(entry.Data) is { } suppression &&
                    (suppression.UnderId is null || ids.Skip(i + 1).Any(id => id.StartsWith(suppression.UnderId, StringComparison.Ordinal))))
                {
                    yield return suppression;
                }
            }
        }
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
