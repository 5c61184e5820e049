namespace Cutover.Core.Guard;

/// <summary>What the guard has seen, for the audit entry and the dashboard.</summary>
/// <param name="Verdict">The conclusion so far.</param>
/// <param name="Canary">The new version's requests and errors since the guard started.</param>
/// <param name="Baseline">The old version's requests and errors over the same intervals.</param>
/// <param name="LogLikelihoodRatio">The decision statistic: the evidence for "canary worse" against "not worse", in nats.</param>
/// <param name="Threshold">The statistic's threshold, ln(1 / false-alarm rate).</param>
public sealed record GuardObservation(GuardVerdict Verdict, ErrorCounts Canary, ErrorCounts Baseline, double LogLikelihoodRatio, double Threshold)
{
    /// <summary>One line for an audit entry or a log: counts, shares and the statistic against its threshold.</summary>
    public string Describe() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"canary {Canary.Errors}/{Canary.Requests} errors ({Canary.Share * 100:0.00}%), baseline {Baseline.Errors}/{Baseline.Requests} ({Baseline.Share * 100:0.00}%), log-likelihood ratio {LogLikelihoodRatio:0.00} of {Threshold:0.00}");
}
