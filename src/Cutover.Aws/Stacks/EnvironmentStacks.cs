using Amazon.CDK;
using Cutover.Aws.Settings;

namespace Cutover.Aws.Stacks;

/// <summary>All stacks of one environment, in both regions, in deployment order.</summary>
internal sealed class EnvironmentStacks
{
    public EnvironmentStacks(App app, Deployment deployment)
    {
        Deployment = deployment;
        PrimaryNetwork = new NetworkStack(app, deployment, deployment.Primary);
        SecondaryNetwork = new NetworkStack(app, deployment, deployment.Secondary);
        Peering = new PeeringStack(app, deployment, PrimaryNetwork, SecondaryNetwork);
        PeeringRoutes = new PeeringRoutesStack(app, deployment, PrimaryNetwork, SecondaryNetwork, Peering);
        PrimaryData = new DataStack(app, deployment, deployment.Primary, PrimaryNetwork.Network, SecondaryNetwork.Network);
        SecondaryData = new DataStack(app, deployment, deployment.Secondary, SecondaryNetwork.Network, PrimaryNetwork.Network);
        // The replica's source must exist first; the name-based ARN is not a reference, so say so.
        SecondaryData.AddDependency(PrimaryData, "the read replica's source database");
        PrimaryService = new ServiceStack(app, deployment, deployment.Primary, PrimaryNetwork, PrimaryData, PrimaryData);
        SecondaryService = new ServiceStack(app, deployment, deployment.Secondary, SecondaryNetwork, SecondaryData, PrimaryData);
        PrimarySecurity = new SecurityStack(app, deployment, deployment.Primary);
        SecondarySecurity = new SecurityStack(app, deployment, deployment.Secondary);
        if (PipelinePlan.IsBuiltBy(deployment))
        {
            Pipeline = new PipelineStack(app, deployment);
        }
    }

    public Deployment Deployment { get; }

    public NetworkStack PrimaryNetwork { get; }

    public NetworkStack SecondaryNetwork { get; }

    public PeeringStack Peering { get; }

    public PeeringRoutesStack PeeringRoutes { get; }

    public DataStack PrimaryData { get; }

    public DataStack SecondaryData { get; }

    public ServiceStack PrimaryService { get; }

    public ServiceStack SecondaryService { get; }

    public SecurityStack PrimarySecurity { get; }

    public SecurityStack SecondarySecurity { get; }

    /// <summary>The CodePipeline, in production's primary region when the manifest chooses <c>codePipeline</c>; null otherwise.</summary>
    public PipelineStack? Pipeline { get; }

    public IReadOnlyList<CutoverStack> All =>
        Pipeline is null
            ? [PrimaryNetwork, SecondaryNetwork, Peering, PeeringRoutes, PrimaryData, SecondaryData, PrimaryService, SecondaryService, PrimarySecurity, SecondarySecurity]
            : [PrimaryNetwork, SecondaryNetwork, Peering, PeeringRoutes, PrimaryData, SecondaryData, PrimaryService, SecondaryService, PrimarySecurity, SecondarySecurity, Pipeline];
}
