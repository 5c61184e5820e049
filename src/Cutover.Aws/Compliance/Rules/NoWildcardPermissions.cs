using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>
/// CUT-IAM-1: no Allow statement grants every action (<c>*</c> or <c>service:*</c>) or every resource (<c>*</c>).
/// Some AWS APIs take no resource (ecr:GetAuthorizationToken, xray:PutTraceSegments): those need a reasoned suppression.
/// </summary>
internal sealed class NoWildcardPermissions : ComplianceRule
{
    public override string Id => "CUT-IAM-1";

    public override string Title => "IAM policies name their actions and resources";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        var documents = resource switch
        {
            CfnPolicy policy => [resolve(policy.PolicyDocument)],
            CfnManagedPolicy managed => [resolve(managed.PolicyDocument)],
            CfnRole role => resolve(role.Policies).Items().Select(p => p.Get("PolicyDocument")).ToList(),
            _ => new List<JsonNode?>(),
        };

        foreach (var statement in documents.SelectMany(d => d.Get("Statement").Items()))
        {
            if (statement.Get("Effect").Text() != "Allow")
            {
                continue;
            }

            var actions = statement.Get("Action").Items().Select(a => a.Text()).OfType<string>().ToList();
            var sid = statement.Get("Sid").Text() is { } id ? $" (statement {id})" : string.Empty;
            foreach (var action in actions.Where(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)))
            {
                yield return $"wildcard action \"{action}\"{sid}; name the actions needed";
            }

            if (statement.Get("Resource").Items().Any(r => r.Text() == "*"))
            {
                yield return $"wildcard resource \"*\" for {string.Join(", ", actions)}{sid}; name the resources";
            }
        }
    }
}
