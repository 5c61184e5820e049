namespace Cutover.Core.Analysis;

/// <summary>
/// Judges one interval of canary analysis: each metric of the canary against the baseline, then the interval as a whole.
/// Pure: the caller reads the samples (through <see cref="ICanaryMetricsSource"/>) and keeps the history (<see cref="AnalysisRun"/>).
/// </summary>
public sealed partial class CanaryAnalyzer
{
    /// <summary>Creates an analyzer for <paramref name="spec"/>.</summary>
    public CanaryAnalyzer(AnalysisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    /// <summary>The analysis being applied.</summary>
    public AnalysisSpec Spec { get; }

    /// <summary>
    /// Compares canary and baseline over [<paramref name="from"/>, <paramref name="to"/>). A metric missing from
    /// <paramref name="samples"/> has no data, so it is inconclusive; an interval never passes without data.
    /// </summary>
    /// <param name="from">Start of the interval.</param>
    /// <param name="to">End of the interval.</param>
    /// <param name="samples">Both versions' samples, by metric name.</param>
    /// <exception cref="ArgumentException">A sample names a metric the spec does not have.</exception>
    public AnalysisResult Evaluate(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, MetricSamples> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Keys.FirstOrDefault(name => !Spec.Metrics.Any(m => m.Name == name)) is { } unknown)
        {
            throw new ArgumentException($"no analysis metric is named \"{unknown}\"", nameof(samples));
        }

        var metrics = Spec.Metrics.Select(m => EvaluateMetric(m, samples.GetValueOrDefault(m.Name))).ToList();
        var verdict = metrics.Count == 0 ? AnalysisVerdict.Inconclusive
            : metrics.Any(m => m.Verdict == AnalysisVerdict.Fail) ? AnalysisVerdict.Fail
            : metrics.Any(m => m.Verdict == AnalysisVerdict.Inconclusive) ? AnalysisVerdict.Inconclusive
            : AnalysisVerdict.Pass;
        return new AnalysisResult(from, to, verdict, metrics, Summarize(verdict, metrics));
    }

    /// <summary>One metric's verdict: inconclusive without data or enough requests, otherwise pass or fail on its bounds.</summary>
    internal static AnalysisMetricResult EvaluateMetric(AnalysisMetricSpec metric, MetricSamples? samples)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var canary = Known(samples?.Canary?.Value);
        var baseline = Known(samples?.Baseline?.Value);
        var canaryRequests = Known(samples?.Canary?.Requests);
        var baselineRequests = Known(samples?.Baseline?.Requests);

        var missing = MissingData(metric, canary, baseline, canaryRequests, baselineRequests);
        if (missing.Count > 0 || canary is not { } c || baseline is not { } b)
        {
            return new AnalysisMetricResult(
                metric.Name, AnalysisVerdict.Inconclusive, canary, baseline, canaryRequests, baselineRequests, Inconclusive(metric, missing));
        }

        var checks = new List<BoundCheck>();
        if (metric.MaxIncrease is { } maxIncrease)
        {
            checks.Add(new BoundCheck(c - b > maxIncrease, Increase(c - b, maxIncrease)));
        }

        if (metric.MaxRatio is { } maxRatio)
        {
            checks.Add(RatioCheck(c, b, maxRatio, hasIncrease: metric.MaxIncrease is not null));
        }

        // A metric with no bound could never fail; the manifest refuses one, and a hand-built spec is not passed unjudged.
        var verdict = checks.Count == 0 ? AnalysisVerdict.Inconclusive
            : checks.Any(check => check.Fails) ? AnalysisVerdict.Fail
            : AnalysisVerdict.Pass;
        return new AnalysisMetricResult(metric.Name, verdict, c, b, canaryRequests, baselineRequests, Compared(metric, c, b, checks, verdict));
    }

    /// <summary>
    /// canary ÷ baseline against the bound. A zero baseline has no ratio: if maxIncrease is set it decides alone
    /// (this check passes), otherwise any canary above 0 fails, since from nothing any amount is an unbounded increase.
    /// </summary>
    private static BoundCheck RatioCheck(double canary, double baseline, double maxRatio, bool hasIncrease)
    {
        if (baseline > 0)
        {
            var ratio = canary / baseline;
            return new BoundCheck(ratio > maxRatio, Ratio(ratio, maxRatio));
        }

        if (hasIncrease)
        {
            return new BoundCheck(false, "no ratio to a zero baseline, max increase decides");
        }

        return canary > 0
            ? new BoundCheck(true, "above a zero baseline, so no ratio is within max ratio " + Number(maxRatio))
            : new BoundCheck(false, "both zero, within max ratio " + Number(maxRatio));
    }

    /// <summary>What stops the comparison: missing values, unknown or too few requests. Empty when it can be made.</summary>
    private static List<string> MissingData(AnalysisMetricSpec metric, double? canary, double? baseline, double? canaryRequests, double? baselineRequests)
    {
        var missing = new List<string>();
        if (canary is null)
        {
            missing.Add("no canary data");
        }

        if (baseline is null)
        {
            missing.Add("no baseline data");
        }

        if (metric.MinimumRequests > 0)
        {
            AddTooFewRequests(missing, "canary", canaryRequests, metric.MinimumRequests);
            AddTooFewRequests(missing, "baseline", baselineRequests, metric.MinimumRequests);
        }

        return missing;
    }

    private static void AddTooFewRequests(List<string> missing, string version, double? requests, int minimum)
    {
        if (requests is not { } count)
        {
            missing.Add($"{version} request count unknown (minimum {minimum})");
        }
        else if (count < minimum)
        {
            missing.Add($"{version} {Number(count)} {(count == 1 ? "request" : "requests")} < minimum {minimum}");
        }
    }

    /// <summary>NaN and infinities are no data, as they are for alarms.</summary>
    private static double? Known(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private sealed record BoundCheck(bool Fails, string Text);
}
