namespace Cutover.Server.Tests.Api;

/// <summary>
/// One real control plane (HAProxy, Prometheus, Alertmanager, two instances of v1) for the API input tests: a feature
/// flag and a file receiver, so every mutating endpoint has something real to change.
/// </summary>
public sealed class ApiInputPlatform : IAsyncLifetime
{
    public const string Flag = "new-greeting";
    public const string Receiver = "journal";

    public const string Sections = """
        featureFlags:
          new-greeting:
            description: GET / answers with the new greeting text
        notifications:
          receivers:
            - { name: journal, file: { path: notifications.log } }
          routes:
            critical: [journal]
        """;

    private PlatformFixture? _platform;

    internal PlatformFixture Platform => _platform ?? throw new InvalidOperationException("not started");

    /// <summary>Where the file receiver appends.</summary>
    internal string Journal => Path.Combine(Platform.Directory, "notifications.log");

    public async Task InitializeAsync() => _platform = await PlatformFixture.StartAsync(Sections, smokeHook: false);

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

/// <summary>The API input tests: one platform, one test at a time, since they compare its state before and after.</summary>
[CollectionDefinition(Name)]
public sealed class ApiInputTests : ICollectionFixture<ApiInputPlatform>
{
    public const string Name = "api input platform";
}
