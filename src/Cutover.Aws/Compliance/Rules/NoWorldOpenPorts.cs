using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-EC2-1: the internet (0.0.0.0/0, ::/0) reaches only ports 80 and 443.</summary>
internal sealed class NoWorldOpenPorts : ComplianceRule
{
    public override string Id => "CUT-EC2-1";

    public override string Title => "Security groups open only 80 and 443 to the internet";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        var rules = resource switch
        {
            CfnSecurityGroup group => resolve(group.SecurityGroupIngress).Items().ToList(),
            CfnSecurityGroupIngress ingress => [new JsonObject
            {
                ["CidrIp"] = resolve(ingress.CidrIp)?.DeepClone(),
                ["CidrIpv6"] = resolve(ingress.CidrIpv6)?.DeepClone(),
                ["FromPort"] = resolve(ingress.FromPort)?.DeepClone(),
                ["ToPort"] = resolve(ingress.ToPort)?.DeepClone(),
            }],
            _ => new List<JsonNode?>(),
        };

        foreach (var rule in rules)
        {
            var world = rule.Get("CidrIp").Text() == "0.0.0.0/0" || rule.Get("CidrIpv6").Text() == "::/0";
            var from = rule.Get("FromPort").Number();
            var to = rule.Get("ToPort").Number();
            if (world && !(from == to && from is 80 or 443))
            {
                yield return $"ports {from}-{to} are open to the internet; only 80 and 443 may be";
            }
        }
    }
}
