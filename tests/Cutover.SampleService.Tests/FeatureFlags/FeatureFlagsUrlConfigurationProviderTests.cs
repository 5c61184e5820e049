using System.Net;
using Cutover.SampleService.FeatureFlags;
using Cutover.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.SampleService.Tests.FeatureFlags;

public sealed class FeatureFlagsUrlConfigurationProviderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public void Load_AgentAnswersAppConfigFlags_MapsThemToFeatureManagement()
    {
        using var agent = new FlagsHttpServer("""{"new-greeting": {"enabled": true, "_variant": "x"}, "Beta": {"enabled": false}}""");
        var time = new FakeTimeProvider();

        var configuration = Build(agent.Url, time);

        configuration["FeatureManagement:new-greeting"].ShouldBe("true");
        configuration["FeatureManagement:Beta"].ShouldBe("false");
    }

    [Fact]
    public async Task Poll_FlagChangedAtTheAgent_ReloadsConfigurationWithTheNewValue()
    {
        using var agent = new FlagsHttpServer("""{"new-greeting": {"enabled": false}}""");
        var time = new FakeTimeProvider();
        var configuration = Build(agent.Url, time);
        configuration["FeatureManagement:new-greeting"].ShouldBe("false");
        var reloaded = new TaskCompletionSource();
        using var _ = configuration.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);

        agent.Body = """{"new-greeting": {"enabled": true}}""";
        time.Advance(Interval);

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        configuration["FeatureManagement:new-greeting"].ShouldBe("true");
    }

    [Fact]
    public async Task Poll_AgentFailsOrAnswersGarbage_KeepsTheLastValues()
    {
        using var agent = new FlagsHttpServer("""{"new-greeting": {"enabled": true}}""");
        var time = new FakeTimeProvider();
        using var provider = new FeatureFlagsUrlConfigurationProvider(new FeatureFlagsUrlConfigurationSource(agent.Url, Interval, time));
        var configuration = new ConfigurationRoot([provider]);

        agent.Status = HttpStatusCode.InternalServerError;
        time.Advance(Interval);
        await WaitForPollsAsync(provider, 1);
        agent.Status = HttpStatusCode.OK;
        agent.Body = "not json";
        time.Advance(Interval);
        await WaitForPollsAsync(provider, 2);

        provider.FailedPolls.ShouldBe(2);
        configuration["FeatureManagement:new-greeting"].ShouldBe("true");
    }

    [Fact]
    public void Load_NothingListens_StartsWithNoFlagsInsteadOfThrowing()
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}/flags");

        var configuration = Build(url, new FakeTimeProvider());

        configuration.GetSection("FeatureManagement").GetChildren().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"A": true, "B": {"enabled": false}}""", "A=true,B=false")]
    [InlineData("""{"A": {"enabled": "yes"}, "B": 1}""", "")]
    [InlineData("[1, 2]", null)]
    [InlineData("{", null)]
    public void Parse_Body_ReadsOnlyBooleanFlags(string body, string? expected)
    {
        var flags = FeatureFlagsUrlConfigurationProvider.Parse(body);

        if (expected is null)
        {
            flags.ShouldBeNull();
        }
        else
        {
            string.Join(",", flags!.OrderBy(f => f.Key).Select(f => $"{f.Key["FeatureManagement:".Length..]}={f.Value}")).ShouldBe(expected);
        }
    }

    private static IConfigurationRoot Build(Uri url, TimeProvider time) =>
        new ConfigurationBuilder().Add(new FeatureFlagsUrlConfigurationSource(url, Interval, time)).Build();

    private static async Task WaitForPollsAsync(FeatureFlagsUrlConfigurationProvider provider, int count)
    {
        var clock = TimeProvider.System.GetTimestamp();
        while (provider.CompletedPolls < count)
        {
            if (TimeProvider.System.GetElapsedTime(clock) > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"{provider.CompletedPolls} poll(s) finished, expected {count}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }
}
