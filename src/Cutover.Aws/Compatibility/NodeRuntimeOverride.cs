using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Cutover.Aws.Compatibility;

/// <summary>
/// Puts every Node.js Lambda function of a stack on <see cref="NodeRuntime.Current"/>: ours and CDK's own handlers.
/// CDK 2.160 writes its cross-region reference readers and writers as raw <c>AWS::Lambda::Function</c> resources on
/// nodejs20.x with no property to change it, and creates them while it prepares the app, after aspects have run; so
/// this is a construct validation, the last hook before the templates are written, and it changes the runtime by a
/// property override. Those handlers come from CDK's <c>CustomResourceProvider</c>, whose runtimes are Node.js only, so
/// a raw function is always a Node one; an L1 function is changed only when it runs Node.js. It reports no error.
/// </summary>
internal sealed class NodeRuntimeOverride : DeputyBase, IValidation
{
    private readonly Stack _stack;

    private NodeRuntimeOverride(Stack stack) => _stack = stack;

    /// <summary>Adds the override to every stack of <paramref name="app"/>.</summary>
    public static void ApplyTo(App app)
    {
        foreach (var stack in app.Node.FindAll().OfType<Stack>())
        {
            stack.Node.AddValidation(new NodeRuntimeOverride(stack));
        }
    }

    public string[] Validate()
    {
        foreach (var node in _stack.Node.FindAll())
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

        return [];
    }
}
