using Cutover.Testing.Load;

namespace Cutover.Dashboard.Tests.Support;

/// <summary>
/// One platform on 127.0.0.1 with steady load and one Chromium, shared by the tests of <see cref="LoopbackTests"/>:
/// starting them takes longer than most of those tests. Each test releases whatever version it needs from where the
/// previous one left the platform.
/// </summary>
public sealed class LoopbackPlatform : IAsyncLifetime
{
    private PlatformFixture? _platform;
    private Chromium? _chromium;
    private LoadGenerator? _load;

    internal PlatformFixture Platform => _platform ?? throw new InvalidOperationException("not started");

    internal Chromium Chromium => _chromium ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _platform = await PlatformFixture.StartAsync(smokeHook: false, stepPause: "2s", guard: false);
        // Bounded: it stops by itself even if a test hangs.
        _load = LoadGenerator.Start(_platform.Production, concurrency: 4, limit: TimeSpan.FromMinutes(10));
        await _load.WaitForResponsesAsync(50, TimeSpan.FromSeconds(10));
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_load is not null)
        {
            await _load.DisposeAsync();
        }

        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
