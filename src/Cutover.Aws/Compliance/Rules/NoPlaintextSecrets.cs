using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;

namespace Cutover.Aws.Compliance.Rules;

/// <summary>CUT-ECS-1: no container environment variable that names a secret holds its value in the template.</summary>
internal sealed partial class NoPlaintextSecrets : ComplianceRule
{
    public override string Id => "CUT-ECS-1";

    public override string Title => "Secrets reach containers from Secrets Manager, never as plain environment values";

    public override IEnumerable<string> Check(CfnResource resource, Resolver resolve)
    {
        if (resource is not CfnTaskDefinition task)
        {
            yield break;
        }

        foreach (var container in resolve(task.ContainerDefinitions).Items())
        {
            foreach (var variable in container.Get("Environment").Items())
            {
                if (variable.Get("Name").Text() is { } name && SecretName().IsMatch(name) && variable.Get("Value").Text() is { Length: > 0 })
                {
                    yield return $"container {container.Get("Name").Text()} gets {name} as a plain value; use Secrets";
                }
            }
        }
    }

    [GeneratedRegex("(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
