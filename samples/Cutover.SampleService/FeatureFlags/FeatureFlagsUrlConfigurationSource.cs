namespace Cutover.SampleService.FeatureFlags;

/// <summary>Feature flags polled from an HTTP endpoint that answers in AWS AppConfig's feature-flag format.</summary>
/// <param name="Url">The AppConfig agent's URL, such as <c>http://localhost:2772/applications/sample/environments/prod/configurations/flags</c>.</param>
/// <param name="Interval">Time between polls.</param>
/// <param name="Time">The clock the polls run on.</param>
internal sealed record FeatureFlagsUrlConfigurationSource(Uri Url, TimeSpan Interval, TimeProvider Time) : IConfigurationSource
{
    /// <summary>The handler requests go through; null for a plain <see cref="HttpClientHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new FeatureFlagsUrlConfigurationProvider(this);
}
