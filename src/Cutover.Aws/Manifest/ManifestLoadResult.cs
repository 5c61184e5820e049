using Cutover.Aws.Settings;

namespace Cutover.Aws.Manifest;

/// <summary>The environments to synthesize, or the lines that explain why there are none.</summary>
/// <param name="Deployments">One per environment; empty when <paramref name="Errors"/> is not.</param>
/// <param name="Errors">Lines to print, each starting with <c>error: </c> like <c>cutover validate</c>, then a summary.</param>
public sealed record ManifestLoadResult(IReadOnlyList<Deployment> Deployments, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
