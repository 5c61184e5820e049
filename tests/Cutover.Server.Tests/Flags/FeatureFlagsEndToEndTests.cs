using System.Net.Http.Json;
using System.Text.Json;
using Cutover.Core.Releases;
using Cutover.Server.Flags;
using Cutover.Server.Tests.Support;

namespace Cutover.Server.Tests.Flags;

public sealed class FeatureFlagsEndToEndTests
{
    private const string Flags = """
        featureFlags:
          new-greeting:
            description: GET / answers with the new greeting text
          unused:
            enabled: true
        """;

    [Fact]
    public async Task FlagsSet_OnThroughTheCli_EveryInstanceAnswersTheNewGreetingWithoutARestartAndItIsAudited()
    {
        await using var platform = await PlatformFixture.StartAsync(Flags);
        var manifest = Path.Combine(platform.Directory, "cutover.yaml");
        var before = await platform.GetStatusAsync();
        (await GreetingsAsync(platform)).ShouldBe(["hello"]);

        var set = await CliRun.RunAsync(platform.Directory, TimeSpan.FromMinutes(1), null, "flags", "set", "new-greeting", "on", "--file", manifest);

        set.ExitCode.ShouldBe(0, set.ToString());
        set.Stdout.ShouldContain("new-greeting on (the manifest says off)");
        var deadline = TimeProvider.System.GetTimestamp();
        while (!(await GreetingsAsync(platform)).SequenceEqual(["hello (new greeting)"]))
        {
            TimeProvider.System.GetElapsedTime(deadline).ShouldBeLessThan(TimeSpan.FromSeconds(15), "the instances should reload the flags file");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        var after = await platform.GetStatusAsync();
        after.Instances.Select(i => (i.Id, i.ProcessId)).ShouldBe(before.Instances.Select(i => (i.Id, i.ProcessId)));
        var audit = await platform.Api.GetFromJsonAsync<List<AuditEntry>>($"api/v1/audit?release={FlagsApi.AuditScope}", PlatformFixture.Json);
        var entry = audit!.ShouldHaveSingleItem();
        (entry.Event, entry.Detail).ShouldBe(("flag.set", "new-greeting off → on (manifest: off)"));
        entry.Actor.ShouldStartWith("cli:");
        var list = await CliRun.RunAsync(platform.Directory, TimeSpan.FromMinutes(1), null, "flags", "--file", manifest);
        list.Stdout.ShouldContain("new-greeting  on     off       cli:");
        list.Stdout.ShouldContain("unused        on     on        -");
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(platform.Options.StateDirectory, "flags", "feature-flags.json")));
        file.RootElement.GetProperty("FeatureManagement").GetProperty("new-greeting").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task FlagsSet_UnknownFlag_IsRefusedNamingTheDeclaredOnes()
    {
        await using var platform = await PlatformFixture.StartAsync(Flags);

        var set = await CliRun.RunAsync(platform.Directory, TimeSpan.FromMinutes(1), null, "flags", "set", "new-greting", "on", "--file", Path.Combine(platform.Directory, "cutover.yaml"));

        set.ExitCode.ShouldBe(2, set.ToString());
        set.Stderr.ShouldContain("unknown feature flag 'new-greting': the manifest declares new-greeting, unused");
    }

    /// <summary>The distinct greetings of a few requests through the production listener (both instances answer).</summary>
    private static async Task<List<string>> GreetingsAsync(PlatformFixture platform)
    {
        using var http = new HttpClient { BaseAddress = platform.Production };
        var greetings = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 8; i++)
        {
            var body = await http.GetFromJsonAsync<JsonElement>("/");
            greetings.Add(body.GetProperty("greeting").GetString()!);
        }

        return [.. greetings.Order(StringComparer.Ordinal)];
    }
}
