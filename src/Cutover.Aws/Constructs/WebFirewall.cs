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

    public WebFirewall(Construct scope, string id, string name, string loadBalancerArn)
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
    }

    public CfnWebACL Acl { get; }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metricName) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metricName,
    };
}
