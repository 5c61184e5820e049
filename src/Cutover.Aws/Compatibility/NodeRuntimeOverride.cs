using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using Cutover.Aws.Compliance;

namespace Cutover.Aws.Compatibility;

/// <summary>
/// Puts every Node.js Lambda function of the app on <see cref="NodeRuntime.Current"/>: ours and CDK's own handlers.
/// CDK 2.160 writes its handlers as raw <c>AWS::Lambda::Function</c> resources on nodejs20.x with no property to change
/// it, so the runtime is changed by a property override. <see cref="ApplyTo"/> changes the functions that exist once the
/// app is built, in one pass from .NET (one jsii call for the tree, one for each function; an aspect would be a jsii
/// callback for every construct, seconds of synthesis). CDK creates its cross-region reference readers and writers
/// while it prepares the app, after aspects have run; for those a construct validation, the last hook before the
/// templates are written, looks below CDK's late providers only (thousands of jsii calls in one callback overflow
/// Node's stack). Those handlers come from CDK's <c>CustomResourceProvider</c>, whose runtimes are Node.js only, so a
/// raw function is always a Node one; an L1 function is changed only when it runs Node.js. It reports no error.
/// </summary>
internal sealed class NodeRuntimeOverride : DeputyBase, IValidation
{
    private readonly Stack _stack;

    private NodeRuntimeOverride(Stack stack) => _stack = stack;

    /// <summary>Overrides the functions of <paramref name="app"/> now, and adds the late override to every stack.</summary>
    public static void ApplyTo(App app)
    {
        foreach (var node in app.Node.FindAll())
        {
            switch (node)
            {
                case Stack stack:
                    stack.Node.AddValidation(new NodeRuntimeOverride(stack));
                    break;
                case CfnResource resource:
                    Override(resource);
                    break;
            }
        }
    }

    public string[] Validate()
    {
        foreach (var provider in _stack.Node.Children.Where(c => c.Node.Id.StartsWith(CdkNagMetadata.LateProviderPrefix, StringComparison.Ordinal)))
        {
            foreach (var resource in provider.Node.FindAll().OfType<CfnResource>())
            {
                Override(resource);
            }
        }

        return [];
    }

    private static void Override(CfnResource node)
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
