using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cutover.Core.Releases;
using Cutover.Server.Api;
using Cutover.Server.Platform;
using Cutover.Server.Tests.Support;

namespace Cutover.Server.Tests;

/// <summary>Environment settings and secrets on the local target, with the real control plane and sample processes.</summary>
public sealed class SecretsEndToEndTests
{
    [Fact]
    public async Task Up_SettingsAndSecrets_ReachEveryInstanceAndTheValuesAreNowhereInTheStateFolderOrAudit()
    {
        var variable = $"E2E_DB_PASSWORD_{Guid.NewGuid():N}";
        var fromEnv = $"env-secret-{Guid.NewGuid():N}";
        var fromFile = $"file-secret-{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, fromEnv);
        try
        {
            await using var platform = await PlatformFixture.StartAsync(editManifest: (yaml, directory) =>
            {
                File.WriteAllText(Path.Combine(directory, "api-key.txt"), fromFile + "\n");
                return WithSecrets(yaml, $"DB_PASSWORD: env:{variable}", "API_KEY: file:api-key.txt");
            });

            using var production = new HttpClient { BaseAddress = platform.Production };
            var greeting = await production.GetFromJsonAsync<JsonElement>("/");
            greeting.GetProperty("greeting").GetString().ShouldBe("from settings");
            var status = await platform.GetStatusAsync();
            status.Instances.Count.ShouldBe(2);
            foreach (var instance in status.Instances)
            {
                var environment = ReadEnvironment(instance.ProcessId);
                environment["DB_PASSWORD"].ShouldBe(fromEnv);
                environment["API_KEY"].ShouldBe(fromFile);
                environment["GREETING"].ShouldBe("from settings");
                environment["CUTOVER_FEATURE_FLAGS_FILE"].ShouldBe(Path.Combine(platform.Options.StateDirectory, "flags", "feature-flags.json"));
            }

            var release = await platform.DeployAsync("v2");
            await platform.WaitForAsync(release.Id, r => r.IsTerminal);
            var audit = await platform.Api.GetStringAsync("api/v1/audit?limit=10000");
            audit.ShouldNotContain(fromEnv);
            audit.ShouldNotContain(fromFile);
            // Every regular file: the SQLite database, logs, generated configs, flags, Prometheus's data (not HAProxy's socket).
            foreach (var file in Directory.EnumerateFiles(platform.Options.StateDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sock", StringComparison.Ordinal)))
            {
                var bytes = await ReadSharedAsync(file);
                bytes.Contains(fromEnv, StringComparison.Ordinal).ShouldBeFalse($"{file} holds the env: secret");
                bytes.Contains(fromFile, StringComparison.Ordinal).ShouldBeFalse($"{file} holds the file: secret");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Deploy_SecretFileRemovedAfterUp_IsRefusedNamingTheFieldAndNothingIsReleased()
    {
        await using var platform = await PlatformFixture.StartAsync(editManifest: (yaml, directory) =>
        {
            File.WriteAllText(Path.Combine(directory, "api-key.txt"), "secret");
            return WithSecrets(yaml, "API_KEY: file:api-key.txt");
        });
        File.Delete(Path.Combine(platform.Directory, "api-key.txt"));

        using var response = await platform.Api.PostAsJsonAsync("api/v1/releases", new DeployRequest("v2", null), PlatformFixture.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.ShouldStartWith("v2 was not released: ");
        detail.ShouldContain("environments.local.secrets.API_KEY: file:api-key.txt");
        (await platform.Api.GetFromJsonAsync<List<ReleaseState>>("api/v1/releases", PlatformFixture.Json))!.ShouldBeEmpty();
        (await platform.GetStatusAsync()).CurrentVersion.ShouldBe("v1");
    }

    [Fact]
    public async Task Up_MissingEnvSecret_FailsBeforeAnythingStartsNamingTheField()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-e2e-").FullName;
        var missing = $"E2E_MISSING_{Guid.NewGuid():N}";
        var ports = PlatformFixture.NewPorts();
        var options = PlatformFixture.OptionsFor(WithSecrets(PlatformFixture.ManifestYaml(ports), $"DB_PASSWORD: env:{missing}"), directory);

        var cli = await CliRun.RunAsync(directory, TimeSpan.FromMinutes(1), null, "up", "--file", Path.Combine(directory, "cutover.yaml"));
        await using var app = ControlPlaneHost.Build(options, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var started = await Should.ThrowAsync<PlatformStartException>(() => app.StartAsync());

        cli.ExitCode.ShouldBe(1, cli.ToString());
        cli.Stderr.ShouldContain($"environments.local.secrets.DB_PASSWORD: env:{missing} is not set in the control plane's environment");
        cli.Stderr.ShouldNotContain("building:");
        started.Message.ShouldContain($"environments.local.secrets.DB_PASSWORD: env:{missing} is not set");
        Directory.Exists(Path.Combine(options.StateDirectory, "haproxy")).ShouldBeFalse();
        Cutover.Local.Networking.LoopbackPorts.CanBind(IPAddress.Loopback, ports.ProductionPort).ShouldBeTrue();
        await app.StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static string WithSecrets(string yaml, params string[] secrets) =>
        yaml.Replace(
            "    target: local\n",
            "    target: local\n    settings: { GREETING: from settings }\n    secrets:\n" + string.Concat(secrets.Select(s => $"      {s}\n")),
            StringComparison.Ordinal);

    private static Dictionary<string, string> ReadEnvironment(int processId) =>
        File.ReadAllText($"/proc/{processId}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return Encoding.Latin1.GetString(buffer.ToArray());
    }
}
