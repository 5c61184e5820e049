namespace Cutover.Core.Guard;

/// <summary>What the guard concludes so far. There is no "pass": promotion stays with the alarms and the analysis.</summary>
public enum GuardVerdict
{
    /// <summary>No interval yet had errors on both sides' traffic to compare: nothing is known.</summary>
    NoEvidence,

    /// <summary>Errors were compared and the evidence has not crossed the threshold.</summary>
    Watching,

    /// <summary>The evidence says the canary's error share is worse than the baseline's: roll back.</summary>
    CanaryWorse,
}
