namespace Cutover.Core.Guard;

/// <summary>
/// The fail-fast guard (issue 13): beside the CloudWatch-semantics alarms, it compares the new version's share of
/// errors with the old version's on the load balancer's counters every fraction of a second and rolls back as soon as
/// the evidence says the canary is worse. It never promotes. See <see cref="ErrorShareTest"/>.
/// </summary>
public sealed record FailFastGuardSpec
{
    /// <summary>Whether the guard runs during shifting and bake. Default on.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The bound on the chance that a canary that is not worse than the baseline is ever rolled back by the guard, over
    /// the whole release however long it watches (the test is valid at every look). Between 0 and 0.5. Default 0.001.
    /// </summary>
    public double FalseAlarmRate { get; init; } = 0.001;

    /// <summary>
    /// The smallest difference the guard is built to detect quickly, as a ratio of the canary's error odds to the
    /// baseline's (for small shares, the ratio of the error shares: 3 means 1.5% against 0.5%). Above 1. Default 3.
    /// </summary>
    public double DetectRatio { get; init; } = 3;

    /// <summary>
    /// A difference too small to act on: the guard rolls back only when the canary's observed error share is also at
    /// least this much above the baseline's, so a canary with a handful of errors against a baseline with none is left
    /// to the alarms. A share between 0 and 1. Default 0.005 (half a percentage point).
    /// </summary>
    public double MinimumDifference { get; init; } = 0.005;
}
