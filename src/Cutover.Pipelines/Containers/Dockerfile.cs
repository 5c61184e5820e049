namespace Cutover.Pipelines.Containers;

/// <summary>A Dockerfile reduced to its stages, for <see cref="DockerfileChecks"/>.</summary>
/// <param name="Path">The file, as given to <see cref="DockerfileReader"/>.</param>
/// <param name="GlobalArgs">The <c>ARG</c>s before the first <c>FROM</c> and their defaults (null without one).</param>
/// <param name="Stages">The build stages in order; the last one is the image.</param>
public sealed record Dockerfile(string Path, IReadOnlyDictionary<string, string?> GlobalArgs, IReadOnlyList<DockerfileStage> Stages)
{
    /// <summary>The stage that becomes the image, or null when there is no <c>FROM</c>.</summary>
    public DockerfileStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];
}
