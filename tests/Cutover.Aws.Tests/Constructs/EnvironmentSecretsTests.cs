using System.Text.Json.Nodes;
using Cutover.Aws.Manifest;
using Cutover.Aws.Tests.Support;
using Cutover.Core.Manifest;
using static Cutover.Aws.Tests.Support.StackNames;

namespace Cutover.Aws.Tests.Constructs;

public sealed class EnvironmentSecretsTests
{
    private static SynthesizedPlatform Platform => SynthesizedPlatform.ProdReleaseTooling;

    [Theory]
    [InlineData("use1", "us-east-1")]
    [InlineData("use2", "us-east-2")]
    public void Secrets_AwsReferences_BecomeTaskSecretsReadFromTheRegionsSecretAndParameter(string region, string regionCode)
    {
        var secrets = App(region)["Secrets"]!.AsArray().ToDictionary(s => s!["Name"]!.GetValue<string>(), s => TemplateStatement.Render(s!["ValueFrom"]));

        secrets.Keys.Order().ShouldBe(["DB_PASSWORD", "DB_USERNAME", "PAYMENT_API_KEY", "SIGNING_KEY"]);
        secrets["PAYMENT_API_KEY"].ShouldBe($"arn:aws:secretsmanager:{regionCode}:333333333333:secret:shop/prod/payment-api-key");
        secrets["SIGNING_KEY"].ShouldBe($"arn:aws:ssm:{regionCode}:333333333333:parameter/shop/prod/signing-key");
    }

    [Fact]
    public void ExecutionRole_Secrets_MayReadExactlyTheReferencedSecretsAndParameters()
    {
        var stack = Service("prod", "use1");
        var template = Platform.Json(stack);
        var role = Platform.Resources(stack, "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod").Properties["ExecutionRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var statements = TemplateStatement.OfRole(template, role);

        var secretsManager = statements.Where(s => s.Actions.Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))).SelectMany(s => s.Resources).ToList();
        secretsManager.Count.ShouldBe(2);
        secretsManager.ShouldContain("arn:aws:secretsmanager:us-east-1:333333333333:secret:shop/prod/payment-api-key-??????");
        secretsManager.ShouldContain(r => r.StartsWith('{'), "the database secret, by reference");
        var parameters = statements.Where(s => s.Actions.Any(a => a.StartsWith("ssm:", StringComparison.Ordinal))).ToList();
        parameters.SelectMany(s => s.Resources).ShouldBe(["arn:aws:ssm:us-east-1:333333333333:parameter/shop/prod/signing-key"]);
        parameters.SelectMany(s => s.Actions).ShouldContain("ssm:GetParameters");
    }

    [Fact]
    public void Settings_Environment_ArePlainVariablesAndNoSecretIsOne()
    {
        var environment = App("use1")["Environment"]!.AsArray().ToDictionary(v => v!["Name"]!.GetValue<string>(), v => TemplateStatement.Render(v!["Value"]));

        environment["LOG_LEVEL"].ShouldBe("Information");
        environment["CHECKOUT_TIMEOUT"].ShouldBe("30s");
        environment.Keys.ShouldNotContain("PAYMENT_API_KEY");
        environment.Keys.ShouldNotContain("SIGNING_KEY");
        Platform.TemplateText(Service("prod", "use1")).ShouldNotContain("{{resolve:", customMessage: "values are read by ECS at task start, never put in the template");
    }

    [Fact]
    public void OtherEnvironments_WithoutSecrets_OnlyGetTheDatabaseSecret()
    {
        var containers = SynthesizedPlatform.Prod.Resources(Service("prod", "use1"), "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod").Properties["ContainerDefinitions"]!.AsArray();
        var app = containers.Single(c => c!["Name"]!.GetValue<string>() == "app")!;

        app["Secrets"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>()).Order().ShouldBe(["DB_PASSWORD", "DB_USERNAME"]);
    }

    [Theory]
    [InlineData(SecretSource.Environment, "PAYMENT_KEY", "secret API_KEY comes from env:PAYMENT_KEY, an environment variable of the control plane, which only the local target has")]
    [InlineData(SecretSource.File, "/etc/shop/key", "secret API_KEY comes from file:/etc/shop/key, a file on the control plane's machine, which only the local target has")]
    public void Loader_LocalOnlySecretOnAws_IsRefusedWithTheFieldAndAFix(SecretSource source, string name, string problem)
    {
        var result = ManifestLoader.FromManifest(WithProd(secrets: new() { ["API_KEY"] = new(source, name) }), ReleaseToolingManifest.Settings);

        result.IsValid.ShouldBeFalse();
        result.Deployments.ShouldBeEmpty();
        result.Errors.ShouldContain(
            $"error: cutover.yaml: environments.prod.secrets.API_KEY: {problem}. Fix: store the value in AWS Secrets Manager (secretsmanager:<name>) or Parameter Store (ssm:/<path>) in both regions and refer to it.");
        result.Errors[^1].ShouldBe("cutover.yaml: 1 error(s); nothing was synthesized.");
    }

    [Fact]
    public void Loader_LocalOnlySecretOnALocalEnvironment_IsNotTheAwsTargetsConcern()
    {
        var manifest = ReleaseToolingManifest.Build();
        var environments = new Dictionary<string, EnvironmentSpec>(manifest.Environments, StringComparer.Ordinal)
        {
            ["local"] = manifest.Environments["local"] with { Secrets = new Dictionary<string, SecretReference> { ["API_KEY"] = new(SecretSource.Environment, "API_KEY") } },
        };

        ManifestLoader.FromManifest(manifest with { Environments = environments }, ReleaseToolingManifest.Settings with { Environments = ["prod"] }).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("secretsmanager", "arn:aws:secretsmanager:us-east-1:333333333333:secret:shop-AbCdEf", "environments.prod.secrets.API_KEY", "names Secrets Manager by ARN")]
    [InlineData("platform", "DB_PASSWORD", "environments.prod.secrets.DB_PASSWORD", "DB_PASSWORD is set by the platform on AWS and cannot come from secrets")]
    [InlineData("both", "LOG_LEVEL", "environments.prod.secrets.LOG_LEVEL", "LOG_LEVEL is both a setting and a secret")]
    public void Loader_SecretThatCannotWorkOnAws_IsRefused(string kind, string value, string field, string problem)
    {
        var secrets = kind switch
        {
            "secretsmanager" => new Dictionary<string, SecretReference> { ["API_KEY"] = new(SecretSource.SecretsManager, value) },
            _ => new Dictionary<string, SecretReference> { [value] = new(SecretSource.SecretsManager, "shop/prod/x") },
        };

        var result = ManifestLoader.FromManifest(WithProd(secrets), ReleaseToolingManifest.Settings);

        result.Errors.ShouldContain(e => e.StartsWith($"error: cutover.yaml: {field}: ", StringComparison.Ordinal) && e.Contains(problem, StringComparison.Ordinal), string.Join(System.Environment.NewLine, result.Errors));
    }

    private static ServiceManifest WithProd(Dictionary<string, SecretReference> secrets)
    {
        var manifest = ReleaseToolingManifest.Build();
        var environments = new Dictionary<string, EnvironmentSpec>(manifest.Environments, StringComparer.Ordinal)
        {
            ["prod"] = manifest.Environments["prod"] with { Secrets = secrets },
        };
        return manifest with { Environments = environments };
    }

    private static JsonNode App(string region) =>
        Platform.Resources(Service("prod", region), "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties["Family"]!.GetValue<string>() == "sample-prod").Properties["ContainerDefinitions"]!.AsArray()
            .Single(c => c!["Name"]!.GetValue<string>() == "app")!;
}
