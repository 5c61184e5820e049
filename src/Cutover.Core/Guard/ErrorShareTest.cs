namespace Cutover.Core.Guard;

/// <summary>
/// A sequential test of "the canary's error share is worse than the baseline's", fed the two versions' counts interval
/// by interval while traffic is split between them.
/// </summary>
/// <remarks>
/// <para>
/// Within an interval, given how many requests each side answered and how many errors there were in all, the number of
/// those errors that fell on the canary is hypergeometric when both sides fail alike, whatever their common error rate,
/// and Fisher's noncentral hypergeometric with odds ratio ψ = <see cref="FailFastGuardSpec.DetectRatio"/> when the
/// canary is that much worse. The test sums the log of the ratio of those two likelihoods over intervals. Its
/// exponential is a martingale when the sides fail alike (a supermartingale when the canary is better), so by Ville's
/// inequality it ever reaches 1/α with probability at most α = <see cref="FailFastGuardSpec.FalseAlarmRate"/>: the
/// bound holds at every look, however often the guard looks and however the split changes between steps.
/// </para>
/// <para>
/// There is no lower boundary: evidence that the canary is fine ends nothing, since promotion is not the guard's call.
/// </para>
/// </remarks>
public sealed class ErrorShareTest
{
    private readonly FailFastGuardSpec _spec;
    private readonly double _logRatio;
    private ErrorCounts _canary;
    private ErrorCounts _baseline;
    private double _logLikelihoodRatio;
    private bool _compared;
    private bool _worse;

    public ErrorShareTest(FailFastGuardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spec.DetectRatio, 1.0, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfNotEqual(spec.FalseAlarmRate is > 0 and <= 0.5, true, nameof(spec));
        _spec = spec;
        _logRatio = Math.Log(spec.DetectRatio);
        Threshold = -Math.Log(spec.FalseAlarmRate);
    }

    /// <summary>ln(1 / false-alarm rate): the statistic at or above which the canary is judged worse.</summary>
    public double Threshold { get; }

    /// <summary>What the test has seen and concluded so far.</summary>
    public GuardObservation Observation => new(
        _worse ? GuardVerdict.CanaryWorse : _compared ? GuardVerdict.Watching : GuardVerdict.NoEvidence,
        _canary,
        _baseline,
        _logLikelihoodRatio,
        Threshold);

    /// <summary>
    /// Adds one interval's counts. An interval where either side answered nothing, or nobody failed, carries no
    /// comparison and only adds to the totals. Once the canary is judged worse, the verdict stays.
    /// </summary>
    public GuardObservation Observe(ErrorCounts canary, ErrorCounts baseline)
    {
        Validate(canary, nameof(canary));
        Validate(baseline, nameof(baseline));
        _canary += canary;
        _baseline += baseline;
        var errors = canary.Errors + baseline.Errors;
        if (errors > 0 && canary.Requests > 0 && baseline.Requests > 0)
        {
            _logLikelihoodRatio += IntervalLogLikelihoodRatio(canary, baseline, errors);
            _compared = true;
        }

        _worse |= _logLikelihoodRatio >= Threshold && _canary.Share - _baseline.Share >= _spec.MinimumDifference;
        return Observation;
    }

    // x·ln ψ − ln E₀[ψ^Y]: the noncentral likelihood over the central one for x canary errors, where Y is the canary's
    // share of the interval's errors under the central (alike) hypergeometric. The hypergeometric weights come from the
    // ratio of consecutive terms, exact and O(1) each (MathNet's PMFLn costs three log-gammas a term, and a look at
    // 10,000 requests per second can have hundreds of errors); their normalisation cancels, so it is never computed.
    private double IntervalLogLikelihoodRatio(ErrorCounts canary, ErrorCounts baseline, long errors)
    {
        double canaryRequests = canary.Requests;
        double baselineRequests = baseline.Requests;
        var lowest = Math.Max(0, errors - baseline.Requests);
        var highest = Math.Min(errors, canary.Requests);
        var terms = new double[highest - lowest + 1];
        double weight = 0;
        for (var y = lowest; y <= highest; y++)
        {
            if (y > lowest)
            {
                var previous = y - 1;
                weight += Math.Log((canaryRequests - previous) * (errors - previous) / (y * (baselineRequests - errors + y)));
            }

            terms[y - lowest] = weight;
        }

        return (canary.Errors * _logRatio) - (LogSumExp(terms, lowest, _logRatio) - LogSumExp(terms, lowest, 0));
    }

    // ln Σ exp(terms[i] + (lowest + i)·slope), shifted by the largest exponent so nothing overflows.
    private static double LogSumExp(double[] terms, long lowest, double slope)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < terms.Length; i++)
        {
            max = Math.Max(max, terms[i] + ((lowest + i) * slope));
        }

        var sum = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            sum += Math.Exp(terms[i] + ((lowest + i) * slope) - max);
        }

        return max + Math.Log(sum);
    }

    private static void Validate(ErrorCounts counts, string name)
    {
        if (counts.Requests < 0 || counts.Errors < 0 || counts.Errors > counts.Requests)
        {
            throw new ArgumentOutOfRangeException(name, counts, "Counts must be non-negative with errors at most the requests.");
        }
    }
}
