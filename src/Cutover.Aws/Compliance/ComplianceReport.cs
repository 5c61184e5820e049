namespace Cutover.Aws.Compliance;

/// <summary>Every finding of one synthesis, suppressed or not. Thread-safe: aspects may run while tests read.</summary>
public sealed class ComplianceReport
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string RuleId, string Path, string Message), ComplianceFinding> _findings = [];

    public IReadOnlyList<ComplianceFinding> Findings
    {
        get
        {
            lock (_gate)
            {
                return _findings.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>The findings that fail the synthesis.</summary>
    public IReadOnlyList<ComplianceFinding> Unsuppressed => Findings.Where(f => !f.IsSuppressed).ToList();

    public IReadOnlyList<ComplianceFinding> Suppressed => Findings.Where(f => f.IsSuppressed).ToList();

    /// <summary>Records a finding once, however often the aspects run (each synthesis runs them again).</summary>
    public bool Add(ComplianceFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        lock (_gate)
        {
            return _findings.TryAdd((finding.RuleId, finding.Path, finding.Message), finding);
        }
    }
}
