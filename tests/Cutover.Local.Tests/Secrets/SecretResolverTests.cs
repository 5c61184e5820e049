using Cutover.Core.Manifest;
using Cutover.Local.Secrets;

namespace Cutover.Local.Tests.Secrets;

public sealed class SecretResolverTests
{
    [Fact]
    public void Resolve_EnvAndFileSecretsPresent_GivesTheirValuesWithoutTheFilesTrailingNewline()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-secrets-").FullName;
        File.WriteAllText(Path.Combine(directory, "api-key.txt"), "file-value\n");
        var (manifest, environment) = Parse("DB_PASSWORD: env:SAMPLE_DB", "API_KEY: file:api-key.txt");

        var resolved = SecretResolver.Resolve(manifest, environment, directory, name => name == "SAMPLE_DB" ? "env-value" : null);

        resolved.Resolved.ShouldBeTrue();
        resolved.Values.ShouldBe(new Dictionary<string, string> { ["DB_PASSWORD"] = "env-value", ["API_KEY"] = "file-value" }, ignoreOrder: true);
        resolved.ToString().ShouldBe("2 secret(s) resolved");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Resolve_MissingEmptyAndUnreadable_ReportsEachByManifestFieldAndNeverAValue()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-secrets-").FullName;
        File.WriteAllText(Path.Combine(directory, "empty.txt"), "\n");
        var (manifest, environment) = Parse("A: env:UNSET_ONE", "B: env:EMPTY_ONE", "C: file:missing.txt", "D: file:empty.txt", "E: env:SET_ONE");

        var resolved = SecretResolver.Resolve(manifest, environment, directory, name => name switch { "EMPTY_ONE" => "", "SET_ONE" => "do-not-print", _ => null });

        resolved.Resolved.ShouldBeFalse();
        resolved.Problems.Count.ShouldBe(4);
        resolved.Problems[0].ShouldStartWith("cutover.yaml: environments.local.secrets.A: env:UNSET_ONE is not set in the control plane's environment. Fix: export UNSET_ONE");
        resolved.Problems[1].ShouldStartWith("cutover.yaml: environments.local.secrets.B: env:EMPTY_ONE is empty");
        resolved.Problems[2].ShouldStartWith($"cutover.yaml: environments.local.secrets.C: file:missing.txt ({Path.Combine(directory, "missing.txt")}) does not exist");
        resolved.Problems[3].ShouldStartWith("cutover.yaml: environments.local.secrets.D: file:empty.txt");
        resolved.ToString().ShouldNotContain("do-not-print");
        Directory.Delete(directory, recursive: true);
    }

    private static (ServiceManifest Manifest, EnvironmentSpec Environment) Parse(params string[] secrets)
    {
        var yaml = "service: { name: s, run: { command: x }, initialVersion: v1 }\nversions: { v1: {} }\nenvironments:\n  local:\n    secrets:\n"
            + string.Concat(secrets.Select(s => $"      {s}\n"));
        var manifest = ManifestParser.Parse(yaml, "cutover.yaml").Manifest!;
        return (manifest, manifest.Environments["local"]);
    }
}
