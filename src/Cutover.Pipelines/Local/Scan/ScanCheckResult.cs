namespace Cutover.Pipelines.Local.Scan;

/// <summary>One check of the Scan stage: passed, skipped (with why) or failed (with what it found).</summary>
public sealed record ScanCheckResult(string Name, StageOutcome Outcome, string Detail, IReadOnlyList<string> OutputTail)
{
    public override string ToString() => $"{Name}: {Detail}";
}
