namespace Cutover.Pipelines;

/// <summary>
/// The stages of a delivery pipeline, in the order every pipeline runs them: the GitHub Actions workflows, the
/// CodePipeline of the AWS target, and <c>cutover pipeline run</c> on one machine all use these names.
/// </summary>
public enum PipelineStage
{
    /// <summary>Restore and compile the solution; build the container image once.</summary>
    Build,

    /// <summary>Unit and integration tests.</summary>
    Test,

    /// <summary>Lint, secret scan, dependency and image vulnerability checks, SBOM.</summary>
    Scan,

    /// <summary>Release to staging, then integration and smoke tests against its test listener.</summary>
    Staging,

    /// <summary>A human approves the release to production.</summary>
    Approval,

    /// <summary>Blue/green release to production in the primary region (us-east-1).</summary>
    ProductionPrimary,

    /// <summary>Blue/green release to production in the secondary region (us-east-2), after the primary succeeded.</summary>
    ProductionSecondary,
}
