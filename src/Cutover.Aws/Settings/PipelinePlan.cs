using Cutover.Core.Manifest;
using Cutover.Pipelines;

namespace Cutover.Aws.Settings;

/// <summary>
/// The CodePipeline of <c>pipeline.provider: codePipeline</c>, worked out from the production deployment: where its
/// source comes from, where the image is pushed once, and what each deploy stage releases (staging's stacks in both
/// regions, then production's primary region, then its secondary region).
/// </summary>
public sealed record PipelinePlan
{
    /// <summary>The environment a pipeline releases first, after build, tests and scans.</summary>
    public const string StagingEnvironment = "staging";

    /// <summary>The environment whose synthesis holds the pipeline (in its account and primary region), released last.</summary>
    public const string ProductionEnvironment = "prod";

    /// <summary>The AWS CDK CLI the deploy projects install: the version of Amazon.CDK.Lib this app is built with.</summary>
    public const string CdkCliVersion = "2.160.0";

    public required string Owner { get; init; }

    public required string Repository { get; init; }

    public required string Branch { get; init; }

    public required string ConnectionArn { get; init; }

    /// <summary>The ECR repository the image is pushed to once: production's, in its primary region (replicated from there).</summary>
    public required string ImageRepository { get; init; }

    public required string ImageAccount { get; init; }

    public required string ImageRegion { get; init; }

    public required string ImageProject { get; init; }

    /// <summary>Staging, production primary, production secondary, in that order.</summary>
    public required IReadOnlyList<PipelineTarget> Targets { get; init; }

    /// <summary>Whether <paramref name="deployment"/> is the one whose synthesis holds the pipeline.</summary>
    public static bool IsBuiltBy(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.Manifest.Pipeline.Provider == PipelineProvider.CodePipeline && deployment.Environment.Name == ProductionEnvironment;
    }

    /// <summary>The plan for the production <paramref name="production"/>; the manifest's staging environment must be an AWS one (ManifestLoader checks).</summary>
    public static PipelinePlan For(Deployment production)
    {
        ArgumentNullException.ThrowIfNull(production);
        var manifest = production.Manifest;
        var staging = manifest.Environments[StagingEnvironment];
        var stagingRegions = RegionPlan.For(staging.Regions, EnvironmentCatalog.For(StagingEnvironment).AvailabilityZones);
        var prefix = production.Prefix;
        var stagingPrefix = $"{manifest.Service.Name}-{StagingEnvironment}";
        var repository = production.GitHubRepository.Split('/');
        var productionStacks = StackNames(prefix, production.Primary, production.Secondary);
        return new PipelinePlan
        {
            Owner = repository[0],
            Repository = repository[1],
            Branch = manifest.Pipeline.Branch,
            ConnectionArn = production.Aws.CodeStarConnectionArn,
            ImageRepository = production.RepositoryName,
            ImageAccount = production.Account,
            ImageRegion = production.Primary.Region,
            ImageProject = production.Aws.ImageProject,
            Targets =
            [
                new PipelineTarget(
                    PipelineStage.Staging,
                    StagingEnvironment,
                    production.Aws.AccountFor(StagingEnvironment),
                    stagingRegions.Select(r => r.Region).ToList(),
                    StackNames(stagingPrefix, stagingRegions[0], stagingRegions[1]).Select(s => s.Name).ToList()),
                new PipelineTarget(
                    PipelineStage.ProductionPrimary,
                    ProductionEnvironment,
                    production.Account,
                    [production.Primary.Region],
                    productionStacks.Where(s => s.Region.Region == production.Primary.Region).Select(s => s.Name).ToList()),
                new PipelineTarget(
                    PipelineStage.ProductionSecondary,
                    ProductionEnvironment,
                    production.Account,
                    [production.Secondary.Region],
                    productionStacks.Where(s => s.Region.Region == production.Secondary.Region).Select(s => s.Name).ToList()),
            ],
        };
    }

    /// <summary>An environment's stack names in deployment order, as <c>Stacks.EnvironmentStacks</c> creates them (asserted by a test).</summary>
    public static IReadOnlyList<(string Name, RegionPlan Region)> StackNames(string prefix, RegionPlan primary, RegionPlan secondary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(secondary);
        (string Concern, RegionPlan Region)[] order =
        [
            ("network", primary), ("network", secondary), ("peering", primary), ("peering-routes", secondary),
            ("data", primary), ("data", secondary), ("service", primary), ("service", secondary),
            ("security", primary), ("security", secondary),
        ];
        return order.Select(s => ($"{prefix}-{s.Concern}-{s.Region.ShortName}", s.Region)).ToList();
    }
}
