using Cutover.Core.Manifest;

namespace Cutover.Aws.Settings;

/// <summary>Everything one environment's stacks are built from: the manifest, the environment, its settings and regions.</summary>
public sealed record Deployment
{
    public required ServiceManifest Manifest { get; init; }

    public required EnvironmentSpec Environment { get; init; }

    public required EnvironmentSettings Settings { get; init; }

    public required AwsSettings Aws { get; init; }

    public required RegionPlan Primary { get; init; }

    public required RegionPlan Secondary { get; init; }

    public string Account => Aws.AccountFor(Environment.Name);

    /// <summary><c>{service}-{environment}</c>: the prefix of every physical name.</summary>
    public string Prefix => $"{Manifest.Service.Name}-{Environment.Name}";

    public string Domain => Aws.DomainFor(Environment.Name);

    public RegionPlan Other(RegionPlan region) => region.IsPrimary ? Secondary : Primary;

    /// <summary>Tasks per version from the manifest, within the environment's autoscaling bounds.</summary>
    public int DesiredCount =>
        Math.Clamp(Environment.Instances ?? Manifest.Service.Instances, Settings.MinCapacity, Settings.MaxCapacity);

    /// <summary>Names that must match across the two regions' stacks (no cross-region reference needed for them).</summary>
    public string RepositoryName => $"cutover/{Manifest.Service.Name}";

    public string DatabaseIdentifier => $"{Prefix}-db";

    public string DatabaseSecretName => $"cutover/{Manifest.Service.Name}/{Environment.Name}/db";

    public string BackupVaultName => $"{Prefix}-vault";

    public string ClusterName(RegionPlan region) => $"{Prefix}-{region.ShortName}";

    public string ServiceName => Manifest.Service.Name;

    /// <summary>The GitHub repository releases come from: the manifest's <c>pipeline.repository</c>, else the setting.</summary>
    public string GitHubRepository => Manifest.Pipeline.Repository ?? Aws.GitHubRepository;

    /// <summary>The image tag the tasks run: the pipeline's commit when it passes one, else the manifest's initial version.</summary>
    public string ImageTag => Aws.ImageTag ?? Manifest.Service.InitialVersion;
}
