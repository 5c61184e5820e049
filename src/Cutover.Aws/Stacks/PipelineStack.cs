using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>
/// The CodePipeline that releases the service when the manifest says <c>pipeline.provider: codePipeline</c>: built with
/// the production environment, in its account and primary region, next to the ECR repository the image is pushed to.
/// </summary>
internal sealed class PipelineStack : CutoverStack
{
    public PipelineStack(Construct scope, Deployment deployment)
        : base(scope, "pipeline", deployment, deployment.Primary, "CodePipeline: build, test, scan, staging, approval, production in both regions")
    {
        Release = PipelinePlan.For(deployment);
        Pipeline = new DeliveryPipeline(this, "Delivery", new DeliveryPipelineProps
        {
            Deployment = deployment,
            Plan = Release,
            Key = CreateKey("pipeline").Key,
        });
    }

    /// <summary>What the pipeline releases where.</summary>
    public PipelinePlan Release { get; }

    public DeliveryPipeline Pipeline { get; }
}
