namespace Cutover.Core.Analysis;

/// <summary>The outcome of comparing canary and baseline, for one metric or for a whole interval.</summary>
public enum AnalysisVerdict
{
    /// <summary>The canary is within every bound.</summary>
    Pass,

    /// <summary>The canary exceeds a bound.</summary>
    Fail,

    /// <summary>The comparison cannot be made: no data, or too few requests. Never treated as a pass.</summary>
    Inconclusive,
}
