namespace Cutover.Core.Manifest;

/// <summary>Which CI/CD system releases the service to AWS.</summary>
public enum PipelineProvider
{
    /// <summary>The workflows in <c>.github/workflows</c>, reaching AWS through OIDC.</summary>
    GitHubActions,

    /// <summary>AWS CodePipeline, defined by the CDK app, with its source from GitHub through a CodeStar connection.</summary>
    CodePipeline,
}
