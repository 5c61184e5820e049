namespace Cutover.Pipelines.Local;

/// <summary>What a stage reports: its outcome, one line saying what happened, and the end of its commands' output.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">One line for the summary table, such as "dotnet build exited 0" or "skipped: aws only".</param>
/// <param name="OutputTail">The last lines of output, shown when the stage failed.</param>
public sealed record StageResult(StageOutcome Outcome, string Detail, IReadOnlyList<string> OutputTail)
{
    public bool IsFailure => Outcome > StageOutcome.NotRun;

    public static StageResult Passed(string detail) => new(StageOutcome.Passed, detail, []);

    public static StageResult Skipped(string reason) => new(StageOutcome.Skipped, $"skipped: {reason}", []);

    public static StageResult Failed(string detail, IReadOnlyList<string>? outputTail = null) => new(StageOutcome.Failed, detail, outputTail ?? []);
}
