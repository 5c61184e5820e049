using System.Text.Json;
using System.Text.RegularExpressions;
using Constructs;

namespace Cutover.Aws.Settings;

/// <summary>Reads <see cref="AwsSettings"/> from CDK context, so <c>cdk.json</c> and <c>cdk synth -c key=value</c> both work.</summary>
internal static partial class AwsSettingsReader
{
    public const string Prefix = "cutover:";

    /// <summary>The settings, or the problems with the context values (every one of them).</summary>
    public static (AwsSettings Settings, IReadOnlyList<string> Errors) Read(Node node)
    {
        var errors = new List<string>();
        var defaults = new AwsSettings();
        var controller = Text(node, "releaseController") switch
        {
            null or "ecs" => ReleaseController.EcsNative,
            "codeDeploy" => ReleaseController.CodeDeploy,
            var other => Invalid(errors, $"cutover:releaseController \"{other}\" is not ecs or codeDeploy", ReleaseController.EcsNative),
        };

        var settings = new AwsSettings
        {
            ManifestPath = Text(node, "manifest") ?? defaults.ManifestPath,
            Environments = Text(node, "environment") is { } environment
                ? environment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [],
            Accounts = Accounts(node, errors),
            ReleaseController = controller,
            DomainName = Text(node, "domainName") ?? defaults.DomainName,
            HostedZoneId = Text(node, "hostedZoneId") ?? defaults.HostedZoneId,
            HostedZoneName = Text(node, "hostedZoneName") ?? defaults.HostedZoneName,
            Owner = Text(node, "owner") ?? defaults.Owner,
            CostCentre = Text(node, "costCentre") ?? defaults.CostCentre,
            GitHubRepository = Text(node, "githubRepository") ?? defaults.GitHubRepository,
            CodeStarConnectionArn = Text(node, "codestarConnectionArn") ?? defaults.CodeStarConnectionArn,
            ImageTag = Text(node, "imageTag"),
            ImageProject = Text(node, "imageProject") ?? defaults.ImageProject,
        };

        if (!ConnectionArnPattern().IsMatch(settings.CodeStarConnectionArn))
        {
            errors.Add($"cutover:codestarConnectionArn \"{settings.CodeStarConnectionArn}\" is not a connection ARN such as arn:aws:codestar-connections:us-east-1:123456789012:connection/<id>");
        }

        if (settings.ImageTag is { } tag && !ImageTagPattern().IsMatch(tag))
        {
            errors.Add($"cutover:imageTag \"{tag}\" is not an image tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')");
        }

        if (!ImageProjectPattern().IsMatch(settings.ImageProject) || settings.ImageProject.Split('/').Contains(".."))
        {
            errors.Add($"cutover:imageProject \"{settings.ImageProject}\" is not a relative path inside the repository such as samples/Cutover.SampleService");
        }

        foreach (var account in settings.Accounts)
        {
            if (account.Value.Length != 12 || !account.Value.All(char.IsAsciiDigit))
            {
                errors.Add($"cutover:accounts.{account.Key} \"{account.Value}\" is not a 12-digit AWS account id");
            }
        }

        if (!settings.DomainName.EndsWith(settings.HostedZoneName, StringComparison.Ordinal))
        {
            errors.Add($"cutover:domainName \"{settings.DomainName}\" is not inside cutover:hostedZoneName \"{settings.HostedZoneName}\"");
        }

        return (settings, errors);
    }

    private static T Invalid<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }

    private static string? Text(Node node, string key) => node.TryGetContext(Prefix + key) switch
    {
        null => null,
        string text => text,
        var other => other.ToString(),
    };

    // -c on the command line gives strings; cdk.json gives objects. Both end up here as JSON-like values.
    private static Dictionary<string, string> Accounts(Node node, List<string> errors)
    {
        var value = node.TryGetContext(Prefix + "accounts");
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                break;
            case IDictionary<string, object> map:
                foreach (var pair in map)
                {
                    accounts[pair.Key] = Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }

                break;
            case string json:
                try
                {
                    foreach (var pair in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
                    {
                        accounts[pair.Key] = pair.Value;
                    }
                }
                catch (JsonException)
                {
                    errors.Add("cutover:accounts is not a JSON object such as {\"prod\": \"123456789012\"}");
                }

                break;
            default:
                errors.Add("cutover:accounts is not a map from environment name to account id");
                break;
        }

        return accounts;
    }

    // The pipeline's connection: CodeStar Connections' ARN or CodeConnections' newer one, in any partition.
    [GeneratedRegex("^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/[0-9a-f-]{36}$")]
    private static partial Regex ConnectionArnPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_./-]*$")]
    private static partial Regex ImageProjectPattern();
}
