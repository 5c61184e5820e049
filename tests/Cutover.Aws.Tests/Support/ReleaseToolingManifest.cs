using Cutover.Aws.Settings;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Support;

/// <summary>
/// The repository's cutover.yaml with the issue-7 sections: <c>pipeline: codePipeline</c> (in YAML), feature flags and
/// prod's settings and secrets (set on the model: their YAML is read by another part of Cutover), and three accounts so
/// cross-account ARNs show which account each piece trusts.
/// </summary>
internal static class ReleaseToolingManifest
{
    public const string StagingAccount = "222222222222";

    public const string ProdAccount = "333333333333";

    public const string ConnectionArn = "arn:aws:codestar-connections:us-east-1:333333333333:connection/11111111-2222-3333-4444-555555555555";

    public static AwsSettings Settings { get; } = new()
    {
        Accounts = new Dictionary<string, string> { ["staging"] = StagingAccount, ["prod"] = ProdAccount },
        CodeStarConnectionArn = ConnectionArn,
    };

    public static string Text => File.ReadAllText(RepositoryRoot.Manifest) + """

        pipeline:
          provider: codePipeline
          repository: acme/shop
          branch: release
        """;

    /// <summary>The manifest; <paramref name="newCheckoutInProd"/> is the one flag state a test flips.</summary>
    public static ServiceManifest Build(bool newCheckoutInProd = true)
    {
        var parsed = ManifestParser.Parse(Text, "cutover.yaml");
        parsed.IsValid.ShouldBeTrue(string.Join(System.Environment.NewLine, parsed.Errors));
        var manifest = parsed.Manifest;
        var environments = new Dictionary<string, EnvironmentSpec>(manifest.Environments, StringComparer.Ordinal)
        {
            ["prod"] = manifest.Environments["prod"] with
            {
                Settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["LOG_LEVEL"] = "Information", ["CHECKOUT_TIMEOUT"] = "30s" },
                Secrets = new Dictionary<string, SecretReference>(StringComparer.Ordinal)
                {
                    ["PAYMENT_API_KEY"] = new(SecretSource.SecretsManager, "shop/prod/payment-api-key"),
                    ["SIGNING_KEY"] = new(SecretSource.ParameterStore, "/shop/prod/signing-key"),
                },
            },
        };
        return manifest with
        {
            Environments = environments,
            FeatureFlags =
            [
                new FeatureFlagSpec
                {
                    Name = "new-checkout",
                    Description = "The one-page checkout.",
                    Enabled = false,
                    Environments = new Dictionary<string, bool>(StringComparer.Ordinal) { ["prod"] = newCheckoutInProd },
                },
                new FeatureFlagSpec { Name = "dark-mode", Enabled = true },
            ],
        };
    }
}
