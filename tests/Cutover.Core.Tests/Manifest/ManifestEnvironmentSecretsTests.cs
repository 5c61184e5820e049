using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestEnvironmentSecretsTests
{
    // Lines 1-7; a test's environments section starts on line 8.
    private const string Minimal = MinimalManifest.Text;

    [Fact]
    public void Parse_NoSettingsOrSecrets_AreEmpty()
    {
        var local = ManifestParser.Parse(Minimal, "cutover.yaml").Manifest!.Environments["local"];

        local.Settings.ShouldBeEmpty();
        local.Secrets.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_SettingsAndSecretsOfEachTarget_ReadsReferencesNotValues()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                settings: { LOG_LEVEL: Debug, FEATURE_LIMIT: 5, EMPTY: }
                secrets:
                  DB_PASSWORD: env:SAMPLE_DB_PASSWORD
                  API_KEY: file:secrets/api-key.txt
              prod:
                target: aws
                regions: [us-east-1]
                secrets:
                  DB_PASSWORD: secretsmanager:prod/db-password
                  API_KEY: ssm:/prod/api-key
                  LEGACY: "secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:legacy-AbCdEf"
            """, "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        var local = result.Manifest!.Environments["local"];
        local.Settings.ShouldBe(new Dictionary<string, string> { ["LOG_LEVEL"] = "Debug", ["FEATURE_LIMIT"] = "5", ["EMPTY"] = "" });
        local.Secrets["DB_PASSWORD"].ShouldBe(new SecretReference(SecretSource.Environment, "SAMPLE_DB_PASSWORD"));
        local.Secrets["API_KEY"].ShouldBe(new SecretReference(SecretSource.File, "secrets/api-key.txt"));
        var prod = result.Manifest.Environments["prod"];
        prod.Secrets["DB_PASSWORD"].ShouldBe(new SecretReference(SecretSource.SecretsManager, "prod/db-password"));
        prod.Secrets["API_KEY"].ShouldBe(new SecretReference(SecretSource.ParameterStore, "/prod/api-key"));
        prod.Secrets["LEGACY"].Name.ShouldStartWith("arn:aws:secretsmanager:");
    }

    [Fact]
    public void Parse_AwsSourceInLocalEnvironment_NamesLineFieldAndTheLocalSources()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                secrets:
                  DB_PASSWORD: secretsmanager:prod/db-password
            """, "cutover.yaml");

        result.Errors.ShouldHaveSingleItem().ShouldBe(new ManifestError(
            "cutover.yaml",
            11,
            20,
            "environments.local.secrets.DB_PASSWORD",
            "secretsmanager: secrets work on the aws target only, and this environment's target is local",
            "write env:<VARIABLE of the control plane> or file:<path>, never the secret itself; or set target: aws"));
    }

    [Fact]
    public void Parse_LocalSourcesInAwsEnvironment_ReportsEach()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              prod:
                target: aws
                regions: [us-east-1]
                secrets:
                  A: env:A
                  B: file:/run/secrets/b
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (13, "environments.prod.secrets.A", "env: secrets work on the local target only, and this environment's target is aws"),
            (14, "environments.prod.secrets.B", "file: secrets work on the local target only, and this environment's target is aws"),
        ]);
        result.Errors[0].Fix.ShouldBe("write secretsmanager:<secret name> or ssm:/<parameter path>, never the secret itself; or set target: local");
    }

    [Fact]
    public void Parse_PlainValueAsSecret_RefusesWithoutRepeatingTheValue()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                secrets:
                  DB_PASSWORD: hunter2-s3cret
                  TOKEN: "p@ss:word"
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Problem)).ShouldBe(
        [
            (11, "the value is not a secret reference (it has no source prefix such as env:)"),
            (12, "the value is not a secret reference (it has no source prefix such as env:)"),
        ]);
        result.Errors.ShouldAllBe(e => !e.ToString().Contains("hunter2") && !e.ToString().Contains("word"));
    }

    [Fact]
    public void Parse_UnknownPrefixAndBadNames_SuggestsAndExplains()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                secrets:
                  A: secret:x
                  B: env:1BAD
                  C: "file:"
              prod:
                target: aws
                regions: [us-east-1]
                secrets:
                  D: secretmanager:db
                  E: ssm:prod/key
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Problem, e.Fix)).ShouldBe(
        [
            (11, "unknown secret source \"secret:\"", "use env:, file:, secretsmanager: or ssm:; write env:<VARIABLE of the control plane> or file:<path>, never the secret itself"),
            (12, "\"1BAD\" is not a valid environment variable name", "use letters, digits and _, not starting with a digit, such as env:DB_PASSWORD"),
            (13, "file: names nothing", "write env:<VARIABLE of the control plane> or file:<path>, never the secret itself"),
            (18, "unknown secret source \"secretmanager:\"", "did you mean \"secretsmanager:\"?"),
            (19, "\"prod/key\" is not a Parameter Store path", "start the path with / and use letters, digits and /_.-, such as ssm:/prod/db-password"),
        ]);
    }

    [Fact]
    public void Parse_ReservedBadAndDuplicatedNames_ReportsEach()
    {
        var result = ManifestParser.Parse(Minimal + """
            environments:
              local:
                settings:
                  PORT: "9000"
                  CUTOVER_VERSION: x
                  1X: y
                  DB_URL: postgres://db
                secrets:
                  DB_URL: env:DB_URL
            """, "cutover.yaml");

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (11, "environments.local.settings.PORT", "PORT is set by Cutover for every instance"),
            (12, "environments.local.settings.CUTOVER_VERSION", "CUTOVER_VERSION is set by Cutover for every instance"),
            (13, "environments.local.settings.1X", "\"1X\" is not a valid environment variable name"),
            (16, "environments.local.secrets.DB_URL", "DB_URL is under settings as well as secrets"),
        ]);
    }

    [Fact]
    public void Parse_ServiceTestCommand_IsRead()
    {
        var result = ManifestParser.Parse("""
            service:
              name: sample
              run: { command: dotnet }
              test: { command: dotnet, args: [test, tests/Sample.Tests], timeout: 10m }
              initialVersion: v1
            versions:
              v1: {}
            """, "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        var test = result.Manifest!.Service.Test!;
        (test.Command, test.Timeout).ShouldBe(("dotnet", TimeSpan.FromMinutes(10)));
        test.Args.ShouldBe(["test", "tests/Sample.Tests"]);
    }
}
