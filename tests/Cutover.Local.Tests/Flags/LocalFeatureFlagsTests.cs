using System.Text.Json;
using Cutover.Core.Manifest;
using Cutover.Local.Flags;
using Cutover.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Local.Tests.Flags;

public sealed class LocalFeatureFlagsTests
{
    private const string Manifest = """
        service: { name: s, run: { command: x }, initialVersion: v1 }
        versions: { v1: {} }
        environments:
          local: { target: local }
          qa: { target: local, ports: { production: 8180, test: 8181, haproxyStats: 8504, prometheus: 9190, alertmanager: 9193, controlPlane: 7500, instancesFrom: 18300, instancesTo: 18399 } }
        featureFlags:
          new-greeting: { environments: { qa: true } }
          beta: { enabled: true }
        """;

    [Fact]
    public async Task InitializeAsync_Environment_WritesItsManifestValuesInFeatureManagementSchema()
    {
        var state = Directory.CreateTempSubdirectory("cutover-flags-").FullName;
        using var flags = New("qa", state);

        await flags.InitializeAsync(CancellationToken.None);

        flags.FilePath.ShouldBe(Path.Combine(state, "flags", "feature-flags.json"));
        Read(flags.FilePath).ShouldBe(new Dictionary<string, bool> { ["new-greeting"] = true, ["beta"] = true });
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task SetAsync_DeclaredFlag_RewritesTheFileRecordsWhoAndSurvivesARestart()
    {
        var state = Directory.CreateTempSubdirectory("cutover-flags-").FullName;
        var time = new FakeTimeProvider();
        using (var flags = New("local", state, time))
        {
            await flags.InitializeAsync(CancellationToken.None);
            var set = await flags.SetAsync("new-greeting", true, "cli:ana@box", CancellationToken.None);

            set.ShouldBe(new FeatureFlagStatus("new-greeting", true, false, null, "cli:ana@box", time.GetUtcNow()));
            Read(flags.FilePath)["new-greeting"].ShouldBeTrue();
            Directory.GetFiles(Path.GetDirectoryName(flags.FilePath)!).Select(Path.GetFileName).ShouldBe(["feature-flags.json", "overrides.json"], ignoreOrder: true);
        }

        using var restarted = New("local", state, time);
        await restarted.InitializeAsync(CancellationToken.None);

        restarted.List().Single(f => f.Name == "new-greeting").Enabled.ShouldBeTrue();
        Read(restarted.FilePath)["new-greeting"].ShouldBeTrue();
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task SetAsync_UndeclaredFlag_ChangesNothing()
    {
        var state = Directory.CreateTempSubdirectory("cutover-flags-").FullName;
        using var flags = New("local", state);
        await flags.InitializeAsync(CancellationToken.None);

        (await flags.SetAsync("Nope", true, "cli:ana@box", CancellationToken.None)).ShouldBeNull();

        Read(flags.FilePath).Keys.ShouldBe(["new-greeting", "beta"]);
        Directory.Delete(state, recursive: true);
    }

    private static LocalFeatureFlags New(string environment, string state, TimeProvider? time = null)
    {
        var manifest = ManifestParser.Parse(Manifest, "cutover.yaml").Manifest!;
        return new LocalFeatureFlags(manifest, manifest.Environments[environment], state, time ?? new FakeTimeProvider());
    }

    private static Dictionary<string, bool> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, bool>>>(File.ReadAllText(path))!["FeatureManagement"];
}
