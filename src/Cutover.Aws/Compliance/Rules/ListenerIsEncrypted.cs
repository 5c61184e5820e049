using Amazon.CDK;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-ELB-1: a plain-HTTP listener only redirects to HTTPS.</summary>
internal sealed class ListenerIsEncrypted : ComplianceRule
{
    public override string Id => "CUT-ELB-1";

    public override string Title => "Load balancer listeners use HTTPS or redirect to it";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is CfnListener listener &&
            resolve(listener.Protocol).Text() == "HTTP" &&
            !resolve(listener.DefaultActions).Items().All(a => a.Get("Type").Text() == "redirect" && a.Get("RedirectConfig").Get("Protocol").Text() == "HTTPS"))
        {
            yield return "the HTTP listener serves traffic unencrypted; redirect it to HTTPS";
        }
    }
}
