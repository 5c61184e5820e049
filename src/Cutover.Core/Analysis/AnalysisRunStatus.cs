namespace Cutover.Core.Analysis;

/// <summary>Where an <see cref="AnalysisRun"/> stands.</summary>
public enum AnalysisRunStatus
{
    /// <summary>No limit reached: the release goes on.</summary>
    Running,

    /// <summary><see cref="AnalysisSpec.ConsecutiveFailureLimit"/> failing comparisons in a row: roll back.</summary>
    Failed,

    /// <summary><see cref="AnalysisSpec.InconclusiveLimit"/> inconclusive comparisons in a row: roll back, the release cannot be judged.</summary>
    Inconclusive,
}
