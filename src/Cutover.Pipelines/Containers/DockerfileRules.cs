namespace Cutover.Pipelines.Containers;

/// <summary>The ids of the Dockerfile rules, as <see cref="DockerfileFinding.Rule"/> carries them.</summary>
public static class DockerfileRules
{
    /// <summary>One stage only, or the final stage copies nothing from a build stage: build tools end up in the image.</summary>
    public const string MultiStage = "multi-stage";

    /// <summary>A base image without an exact version tag (major.minor.patch) or a digest.</summary>
    public const string BaseImageUnpinned = "base-image-unpinned";

    /// <summary>The image runs as root: no <c>USER</c> in the final stage, or a root one.</summary>
    public const string RootUser = "root-user";

    /// <summary>No <c>HEALTHCHECK</c> in the final stage (or <c>HEALTHCHECK NONE</c>).</summary>
    public const string NoHealthcheck = "no-healthcheck";

    /// <summary>No <c>EXPOSE</c> in the final stage: the port the service listens on is undocumented.</summary>
    public const string NoExpose = "no-expose";
}
