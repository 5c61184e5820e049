using System.Diagnostics;
using System.Net.Http.Json;
using Cutover.Local.Flags;
using Cutover.SampleService.Configuration;
using Cutover.SampleService.Greeting;

namespace Cutover.SampleService.Tests.FeatureFlags;

public sealed class FeatureFlagsTests
{
    [Fact]
    public async Task GetRoot_FlagsFileRewrittenWhileRunning_GreetingFollowsTheFlagWithoutARestart()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var directory = Directory.CreateTempSubdirectory("cutover-flags-");
        var file = Path.Combine(directory.FullName, "feature-flags.json");
        await WriteFlagAsync(file, enabled: false, timeout.Token);
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FeatureFlagsFile] = file, [EnvironmentVariables.Greeting] = "hello" },
            cancellationToken: timeout.Token);
        var first = await GreetAsync(service, timeout.Token);
        first.Greeting.ShouldBe("hello");

        await WriteFlagAsync(file, enabled: true, timeout.Token);
        var switchedOn = await WaitForGreetingAsync(service, GreetingApi.NewGreeting("hello"), timeout.Token);
        await WriteFlagAsync(file, enabled: false, timeout.Token);
        var switchedOff = await WaitForGreetingAsync(service, "hello", timeout.Token);

        // Same process and instance throughout: the flag was picked up, not a restart.
        switchedOn.Instance.ShouldBe(first.Instance);
        switchedOff.Instance.ShouldBe(first.Instance);
        Process.GetProcessById(service.ProcessId).HasExited.ShouldBeFalse();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task GetRoot_FlagFromAppConfigAgentUrl_AnswersTheNewGreeting()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var agent = new FlagsHttpServer("""{"new-greeting": {"enabled": true}}""");
        await using var service = await SampleServiceProcess.StartAsync(
            new Dictionary<string, string> { [EnvironmentVariables.FeatureFlagsUrl] = agent.Url.ToString(), [EnvironmentVariables.FeatureFlagsPollIntervalSeconds] = "0.5" },
            cancellationToken: timeout.Token);
        (await GreetAsync(service, timeout.Token)).Greeting.ShouldBe(GreetingApi.NewGreeting(SampleOptions.DefaultGreeting));

        agent.Body = """{"new-greeting": {"enabled": false}}""";

        await WaitForGreetingAsync(service, SampleOptions.DefaultGreeting, timeout.Token);
    }

    private static Task WriteFlagAsync(string file, bool enabled, CancellationToken cancellationToken) =>
        FeatureFlagsFile.WriteAtomicallyAsync(file, FeatureFlagsFile.Render([KeyValuePair.Create("new-greeting", enabled)]), cancellationToken);

    private static async Task<GreetingResponse> GreetAsync(SampleServiceProcess service, CancellationToken cancellationToken) =>
        (await service.Client.GetFromJsonAsync<GreetingResponse>(new Uri("/", UriKind.Relative), cancellationToken))!;

    private static async Task<GreetingResponse> WaitForGreetingAsync(SampleServiceProcess service, string greeting, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await GreetAsync(service, cancellationToken);
            if (response.Greeting == greeting)
            {
                return response;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }
    }
}
