using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Cutover.Aws.Settings;
using Cutover.Core.Manifest;
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
            var destinations = new List<object>
            {
                new CfnReplicationConfiguration.ReplicationDestinationProperty { Region = secondary.Region, RegistryId = deployment.Account },
            };

            // The CodePipeline pushes the image once, here; staging in its own account gets it by replication too (its
            // registry policy admits this account), straight into both of its regions rather than through staging's own
            // rule, so nothing depends on whether ECR passes a replicated image on.
            if (PipelinePlan.IsBuiltBy(deployment) && PipelinePlan.For(deployment).Targets[0] is { } staging && staging.Account != deployment.Account)
            {
                destinations.AddRange(staging.Regions.Select(r => new CfnReplicationConfiguration.ReplicationDestinationProperty { Region = r, RegistryId = staging.Account }));
            }

            Replication = new CfnReplicationConfiguration(this, "Replication", new CfnReplicationConfigurationProps
            {
                ReplicationConfiguration = new CfnReplicationConfiguration.ReplicationConfigurationProperty
                {
                    Rules = new object[]
                    {
                        new CfnReplicationConfiguration.ReplicationRuleProperty
                        {
                            Destinations = destinations.ToArray(),
                            RepositoryFilters = new object[] { new CfnReplicationConfiguration.RepositoryFilterProperty { Filter = deployment.RepositoryName, FilterType = "PREFIX_MATCH" } },
                        },
                    },
                },
            });
        }

        if (deployment.Manifest.Pipeline.Provider == PipelineProvider.CodePipeline && deployment.Environment.Name == PipelinePlan.StagingEnvironment)
        {
            var pipelineAccount = deployment.Aws.AccountFor(PipelinePlan.ProductionEnvironment);
            if (pipelineAccount != deployment.Account)
            {
                // One registry policy per account and region, like the replication configuration: ECR only takes
                // ReplicateImage (and CreateRepository) here, and this one admits the pipeline account to this repository only.
                var stack = Stack.Of(this);
                PipelineReplication = new CfnRegistryPolicy(this, "PipelineReplication", new CfnRegistryPolicyProps
                {
                    PolicyText = new Dictionary<string, object>
                    {
                        ["Version"] = "2012-10-17",
                        ["Statement"] = new object[]
                        {
                            new Dictionary<string, object>
                            {
                                ["Sid"] = "PipelineAccountReplicates",
                                ["Effect"] = "Allow",
                                ["Principal"] = new Dictionary<string, object> { ["AWS"] = $"arn:{stack.Partition}:iam::{pipelineAccount}:root" },
                                ["Action"] = new[] { "ecr:ReplicateImage" },
                                ["Resource"] = $"arn:{stack.Partition}:ecr:{region.Region}:{deployment.Account}:repository/{deployment.RepositoryName}",
                            },
                        },
                    },
                });
            }
        }
    }

    public Repository Repository { get; }

    /// <summary>Staging's registry policy admitting the pipeline account's replication; null unless staging is in its own account.</summary>
    public CfnRegistryPolicy? PipelineReplication { get; }

    /// <summary>The registry's replication to the secondary region (and staging's account with CodePipeline); null there.</summary>
    public CfnReplicationConfiguration? Replication { get; }
}
