using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.WAFv2;
using Constructs;

namespace Cutover.Aws.Constructs;

/// <summary>A regional WAF web ACL with AWS managed rule groups, associated with the ALB.</summary>
internal sealed class WebFirewall : Construct
{
    public static readonly string[] ManagedRuleGroups =
    [
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
    ];

    public WebFirewall(Construct scope, string id, string name, string loadBalancerArn, IKey key, int retentionDays, RemovalPolicy removalPolicy)
        : base(scope, id)
    {
        Acl = new CfnWebACL(this, "Acl", new CfnWebACLProps
        {
            Name = name,
            Scope = "REGIONAL",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = Visibility(name),
            Rules = ManagedRuleGroups.Select((group, priority) => (object)new CfnWebACL.RuleProperty
            {
                Name = group,
                Priority = priority,
                OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
                Statement = new CfnWebACL.StatementProperty
                {
                    ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty { VendorName = "AWS", Name = group },
                },
                VisibilityConfig = Visibility(group),
            }).ToArray(),
        });
        new CfnWebACLAssociation(this, "Association", new CfnWebACLAssociationProps
        {
            ResourceArn = loadBalancerArn,
            WebAclArn = Acl.AttrArn,
        });

        // Full request logs (HIPAA/NIST WAFv2LoggingEnabled) in a KMS-encrypted log group; WAF requires the aws-waf-logs-
        // prefix and an ARN without CDK's ':*'. The Authorization and Cookie headers are redacted.
        var logName = $"aws-waf-logs-{name}";
        LogGroup = LogGroups.Create(this, "Logs", logName, key, retentionDays, removalPolicy);
        var logs = new CfnLoggingConfiguration(this, "Logging", new CfnLoggingConfigurationProps
        {
            ResourceArn = Acl.AttrArn,
            LogDestinationConfigs =
            [
                Stack.Of(this).FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = logName, ArnFormat = ArnFormat.COLON_RESOURCE_NAME }),
            ],
            RedactedFields = new object[]
            {
                new CfnLoggingConfiguration.FieldToMatchProperty { SingleHeader = new Dictionary<string, object> { ["Name"] = "authorization" } },
                new CfnLoggingConfiguration.FieldToMatchProperty { SingleHeader = new Dictionary<string, object> { ["Name"] = "cookie" } },
            },
        });
        logs.Node.AddDependency(LogGroup);
    }

    /// <summary>The log group the web ACL logs every request to.</summary>
    public LogGroup LogGroup { get; }

    public CfnWebACL Acl { get; }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metricName) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metricName,
    };
}
