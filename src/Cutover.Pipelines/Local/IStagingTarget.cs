namespace Cutover.Pipelines.Local;

/// <summary>
/// Releases a version to the local target for the Staging stage: starts the platform if it is not running, then
/// releases with the manifest's strategy and follows the release to its end. The CLI implements it over the
/// control plane's API.
/// </summary>
public interface IStagingTarget
{
    /// <param name="version">A version declared in the manifest.</param>
    /// <param name="strategy">blueGreen, canary or linear; null for the manifest's <c>release.strategy</c>.</param>
    /// <param name="output">Receives progress lines (platform start, each release event).</param>
    /// <param name="cancellationToken">Stops following; the release goes on.</param>
    Task<StageResult> ReleaseAsync(string version, string? strategy, Action<string> output, CancellationToken cancellationToken);
}
