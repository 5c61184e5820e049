using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.KMS;
using Cutover.Aws.Settings;

namespace Cutover.Aws.Constructs;

internal sealed record BuildProjectProps
{
    public required Deployment Deployment { get; init; }

    /// <summary>Short name: the project is <c>{prefix}-{name}</c>, its role <c>{prefix}-codebuild-{name}</c>.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>One of <see cref="Buildspecs"/>.</summary>
    public required string Buildspec { get; init; }

    /// <summary>The project's environment variables (plain values only: no secret goes through a pipeline variable).</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    /// <summary>Encrypts the project's logs and artifacts.</summary>
    public required IKey Key { get; init; }

    public ComputeType ComputeType { get; init; } = ComputeType.SMALL;

    public int TimeoutMinutes { get; init; } = 30;

    /// <summary>Whether the buildspec writes test reports (then the role may write the project's report groups).</summary>
    public bool Reports { get; init; }
}
