namespace Cutover.Core.Manifest;

/// <summary>The <c>pipeline</c> section: which CI/CD system releases the service, and from which repository and branch.</summary>
public sealed record PipelineSpec
{
    /// <summary>Default: GitHub Actions.</summary>
    public PipelineProvider Provider { get; init; } = PipelineProvider.GitHubActions;

    /// <summary>The GitHub repository as owner/name; null when the manifest does not name one.</summary>
    public string? Repository { get; init; }

    /// <summary>The branch whose pushes are released. Default: main.</summary>
    public string Branch { get; init; } = "main";
}
