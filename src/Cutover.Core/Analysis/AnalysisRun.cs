namespace Cutover.Core.Analysis;

/// <summary>
/// The comparisons of one release, in order, and whether they call for a rollback. Only a passing comparison resets the
/// counts: a failing one does not excuse inconclusive ones before it, nor an inconclusive one failing ones, so a canary
/// that alternates between failing and having no data is still rolled back.
/// </summary>
public sealed class AnalysisRun
{
    private readonly List<AnalysisResult> _history = [];

    /// <summary>Starts a run with the limits of <paramref name="spec"/>.</summary>
    public AnalysisRun(AnalysisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.ConsecutiveFailureLimit, 1, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.InconclusiveLimit, 1, nameof(spec));
        Spec = spec;
    }

    /// <summary>The analysis whose limits apply.</summary>
    public AnalysisSpec Spec { get; }

    /// <summary>Every recorded comparison, oldest first, for the audit trail and the status.</summary>
    public IReadOnlyList<AnalysisResult> History => _history;

    /// <summary>Failing comparisons since the last passing one.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Inconclusive comparisons since the last passing one.</summary>
    public int ConsecutiveInconclusive { get; private set; }

    /// <summary>Running until a limit is reached; then <see cref="AnalysisRunStatus.Failed"/> or <see cref="AnalysisRunStatus.Inconclusive"/>, for good.</summary>
    public AnalysisRunStatus Status { get; private set; } = AnalysisRunStatus.Running;

    /// <summary>Why the run stopped, naming the limit and the last comparison; null while running.</summary>
    public string? Reason { get; private set; }

    /// <summary>
    /// Adds one interval's comparison and returns the status. Once a limit is reached the status stays: the release is
    /// being rolled back, and a comparison that arrives meanwhile is kept in the history but changes nothing.
    /// </summary>
    public AnalysisRunStatus Record(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _history.Add(result);
        if (Status != AnalysisRunStatus.Running)
        {
            return Status;
        }

        switch (result.Verdict)
        {
            case AnalysisVerdict.Pass:
                ConsecutiveFailures = 0;
                ConsecutiveInconclusive = 0;
                break;
            case AnalysisVerdict.Fail:
                ConsecutiveFailures++;
                if (ConsecutiveFailures >= Spec.ConsecutiveFailureLimit)
                {
                    Stop(AnalysisRunStatus.Failed, $"{Comparisons(ConsecutiveFailures, "failing")} without a pass (limit {Spec.ConsecutiveFailureLimit})", result);
                }

                break;
            default:
                ConsecutiveInconclusive++;
                if (ConsecutiveInconclusive >= Spec.InconclusiveLimit)
                {
                    Stop(AnalysisRunStatus.Inconclusive, $"{Comparisons(ConsecutiveInconclusive, "inconclusive")} without a pass (limit {Spec.InconclusiveLimit})", result);
                }

                break;
        }

        return Status;
    }

    private void Stop(AnalysisRunStatus status, string why, AnalysisResult last)
    {
        Status = status;
        var details = last.Metrics.Where(m => m.Verdict == last.Verdict).Select(m => m.Reason).ToList();
        Reason = details.Count == 0 ? $"{why}: {last.Summary}" : $"{why}; last: {string.Join("; ", details)}";
    }

    private static string Comparisons(int count, string kind) => count == 1 ? $"1 {kind} comparison" : $"{count} {kind} comparisons";
}
