using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The customer-managed KMS key of one stack: log groups, SNS topics, the database and backups are encrypted with it.
/// Its policy lets CloudWatch Logs (for this region's log groups only), CloudWatch alarms and EventBridge use it.
/// </summary>
internal sealed class PlatformKey : Construct
{
    public PlatformKey(Construct scope, string id, string alias, RemovalPolicy removalPolicy)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Alias = alias,
            Description = $"Encrypts {alias.Replace("alias/", string.Empty, StringComparison.Ordinal)}: logs, topics, data and backups.",
            EnableKeyRotation = true,
            RemovalPolicy = removalPolicy,
        });

        // A key policy's Resource is always "*" (the key itself); the conditions are what scope it.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchLogs",
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*",
                },
            },
        }));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AlarmsAndEventsPublishToEncryptedTopics",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com"), new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
        }));
    }

    public Key Key { get; }
}
