namespace Cutover.SampleService.FeatureFlags;

/// <summary>The feature flags the sample reads, by the names the manifest's <c>featureFlags</c> declares.</summary>
internal static class SampleFeatures
{
    /// <summary>On: <c>GET /</c> answers with the new greeting text.</summary>
    public const string NewGreeting = "new-greeting";
}
