using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The service's ECR repository: scan on push, immutable tags, lifecycle rules. Both regions create it with the same
/// name and settings; the primary region also holds the registry's replication configuration (one per registry, so it
/// lives in the source region only), which copies every pushed image into the secondary region's repository.
/// </summary>
internal sealed class ContainerRegistry : Construct
{
    public ContainerRegistry(Construct scope, string id, Deployment deployment, RegionPlan region)
        : base(scope, id)
    {
        Repository = new Repository(this, "Repository", new RepositoryProps
        {
            RepositoryName = deployment.RepositoryName,
            ImageScanOnPush = true,
            ImageTagMutability = TagMutability.IMMUTABLE,
            Encryption = RepositoryEncryption.KMS,
            RemovalPolicy = deployment.Settings.DeletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            LifecycleRules =
            [
                new LifecycleRule { RulePriority = 1, Description = "Untagged layers go after 7 days.", TagStatus = TagStatus.UNTAGGED, MaxImageAge = Duration.Days(7) },
                new LifecycleRule { RulePriority = 2, Description = "Keep the 50 newest images: enough to roll back far.", TagStatus = TagStatus.ANY, MaxImageCount = 50 },
            ],
        });

        if (region.IsPrimary)
        {
            var secondary = deployment.Other(region);
            Replication = new CfnReplicationConfiguration(this, "Replication", new CfnReplicationConfigurationProps
            {
                ReplicationConfiguration = new CfnReplicationConfiguration.ReplicationConfigurationProperty
                {
                    Rules = new object[]
                    {
                        new CfnReplicationConfiguration.ReplicationRuleProperty
                        {
                            Destinations = new object[] { new CfnReplicationConfiguration.ReplicationDestinationProperty { Region = secondary.Region, RegistryId = deployment.Account } },
                            RepositoryFilters = new object[] { new CfnReplicationConfiguration.RepositoryFilterProperty { Filter = deployment.RepositoryName, FilterType = "PREFIX_MATCH" } },
                        },
                    },
                },
            });
        }
    }

    public Repository Repository { get; }

    /// <summary>The registry's replication to the secondary region; null there.</summary>
    public CfnReplicationConfiguration? Replication { get; }
}
