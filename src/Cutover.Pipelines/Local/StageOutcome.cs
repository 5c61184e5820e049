namespace Cutover.Pipelines.Local;

/// <summary>How a stage of a local pipeline run ended. Every value after <see cref="NotRun"/> is a failure that stops the run.</summary>
public enum StageOutcome
{
    /// <summary>The stage did its work and it succeeded.</summary>
    Passed,

    /// <summary>The stage has nothing to do here (an AWS-only stage, no approval gate locally); the run goes on.</summary>
    Skipped,

    /// <summary>Not selected with <c>--stages</c>, or an earlier stage failed.</summary>
    NotRun,

    /// <summary>The stage's command failed, or the release failed without moving traffic.</summary>
    Failed,

    /// <summary>The staging release was rolled back (an alarm, a hook, an abort).</summary>
    RolledBack,

    /// <summary>Refused: the control plane would not release (one already running), or approval was denied.</summary>
    Refused,

    /// <summary>The control plane did not answer.</summary>
    Unreachable,
}
