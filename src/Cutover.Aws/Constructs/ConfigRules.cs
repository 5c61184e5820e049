using Amazon.CDK;
using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// AWS Config: the recorder and its delivery bucket (when the environment creates them; an organisation often does) and
/// the managed rules the platform promises: encrypted volumes, encrypted RDS storage, no public S3 buckets and, in the
/// primary region (IAM is global), the account's password policy.
/// </summary>
internal sealed class ConfigRules : Construct
{
    public static readonly string[] RegionalRules =
        ["ENCRYPTED_VOLUMES", "RDS_STORAGE_ENCRYPTED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"];

    public const string PasswordPolicyRule = "IAM_PASSWORD_POLICY";

    public ConfigRules(Construct scope, string id, Deployment deployment, RegionPlan region)
        : base(scope, id)
    {
        var rules = new List<ManagedRule>();
        CfnConfigurationRecorder? recorder = null;
        if (deployment.Settings.CreateConfigRecorder)
        {
            var bucket = new Bucket(this, "Delivery", new BucketProps
            {
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                EnforceSSL = true,
                RemovalPolicy = RemovalPolicy.RETAIN,
                // Versioned (HIPAA/NIST S3BucketVersioningEnabled): Config's history cannot be overwritten unseen.
                Versioned = true,
                LifecycleRules = [new Amazon.CDK.AWS.S3.LifecycleRule { Expiration = Duration.Days(365), NoncurrentVersionExpiration = Duration.Days(365) }],
            });
            bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Principals = [new ServicePrincipal("config.amazonaws.com")],
                Actions = ["s3:GetBucketAcl", "s3:ListBucket"],
                Resources = [bucket.BucketArn],
            }));
            bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Principals = [new ServicePrincipal("config.amazonaws.com")],
                Actions = ["s3:PutObject"],
                Resources = [bucket.ArnForObjects($"AWSLogs/{deployment.Account}/Config/*")],
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["s3:x-amz-acl"] = "bucket-owner-full-control" } },
            }));
            var role = new Role(this, "RecorderRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("config.amazonaws.com"),
                ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWS_ConfigRole")],
            });
            recorder = new CfnConfigurationRecorder(this, "Recorder", new CfnConfigurationRecorderProps
            {
                RoleArn = role.RoleArn,
                RecordingGroup = new CfnConfigurationRecorder.RecordingGroupProperty { AllSupported = true, IncludeGlobalResourceTypes = region.IsPrimary },
            });
            new CfnDeliveryChannel(this, "Channel", new CfnDeliveryChannelProps { S3BucketName = bucket.BucketName });
        }

        foreach (var identifier in region.IsPrimary ? [.. RegionalRules, PasswordPolicyRule] : RegionalRules)
        {
            var rule = new ManagedRule(this, identifier, new ManagedRuleProps { Identifier = identifier, ConfigRuleName = $"{deployment.Prefix}-{identifier.ToLowerInvariant().Replace('_', '-')}" });
            if (recorder is not null)
            {
                rule.Node.AddDependency(recorder);
            }

            rules.Add(rule);
        }

        Rules = rules;
    }

    public IReadOnlyList<ManagedRule> Rules { get; }
}
