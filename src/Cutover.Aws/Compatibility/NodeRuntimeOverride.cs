using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using Cutover.Aws.Compliance;

namespace Cutover.Aws.Compatibility;

/// <summary>
/// Puts every Node.js Lambda function of a stack on <see cref="NodeRuntime.Current"/>: ours and CDK's own handlers.
/// CDK 2.160 writes its cross-region reference readers and writers as raw <c>AWS::Lambda::Function</c> resources on
/// nodejs20.x with no property to change it, and creates them while it prepares the app, after aspects have run; so
/// this is a construct validation, the last hook before the templates are written, and it changes the runtime by a
/// property override (an aspect does the same for the functions that exist when aspects run; the validation looks only
/// below CDK's late providers, as thousands of jsii calls in one callback overflow Node's stack). Those handlers come from CDK's <c>CustomResourceProvider</c>, whose runtimes are Node.js only, so
/// a raw function is always a Node one; an L1 function is changed only when it runs Node.js. It reports no error.
/// </summary>
internal sealed class NodeRuntimeOverride : DeputyBase, IAspect, IValidation
{
    private readonly Stack? _stack;

    private NodeRuntimeOverride(Stack? stack) => _stack = stack;

    /// <summary>Adds the override to every stack of <paramref name="app"/>.</summary>
    public static void ApplyTo(App app)
    {
        Aspects.Of(app).Add(new NodeRuntimeOverride(null));
        foreach (var stack in app.Node.Children.OfType<Stack>())
        {
            stack.Node.AddValidation(new NodeRuntimeOverride(stack));
        }
    }

    public void Visit(IConstruct node) => Override(node);

    public string[] Validate()
    {
        foreach (var provider in _stack!.Node.Children.Where(c => c.Node.Id.StartsWith(CdkNagMetadata.LateProviderPrefix, StringComparison.Ordinal)))
        {
            foreach (var node in provider.Node.FindAll())
            {
                Override(node);
            }
        }

        return [];
    }

    private static void Override(IConstruct node)
    {
        switch (node)
        {
            case CfnFunction function when function.Runtime is { } runtime && runtime.StartsWith("nodejs", StringComparison.Ordinal):
                function.Runtime = NodeRuntime.Name;
                break;
            case CfnFunction:
                break;
            case CfnResource resource when resource.CfnResourceType == "AWS::Lambda::Function":
                resource.AddPropertyOverride("Runtime", NodeRuntime.Name);
                break;
        }
    }
}
