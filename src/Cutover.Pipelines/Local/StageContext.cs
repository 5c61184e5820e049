using Cutover.Core.Manifest;

namespace Cutover.Pipelines.Local;

/// <summary>What every stage of a local run works from.</summary>
/// <param name="Manifest">The validated manifest.</param>
/// <param name="ManifestDirectory">The folder of <c>cutover.yaml</c>: commands run there, paths start there.</param>
/// <param name="Output">Receives each output line of the stage's commands as it comes (the runner decides whether to show it).</param>
public sealed record StageContext(ServiceManifest Manifest, string ManifestDirectory, Action<string> Output)
{
    /// <summary>
    /// Progress a person should see while a long stage runs (a release's steps and weights), shown even without
    /// <c>--verbose</c>; the runner sets it. Defaults to <see cref="Output"/>.
    /// </summary>
    public Action<string>? Progress { get; init; }
}
