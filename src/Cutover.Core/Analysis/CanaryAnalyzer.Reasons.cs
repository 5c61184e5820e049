using System.Globalization;
using Cutover.Core.Alarms;

namespace Cutover.Core.Analysis;

/// <summary>Verdict sentences, such as "error-rate: canary 0.19 vs baseline 0.00 (+0.19 > max increase 0.01): fail".</summary>
public sealed partial class CanaryAnalyzer
{
    private static string Compared(AnalysisMetricSpec metric, double canary, double baseline, List<BoundCheck> checks, AnalysisVerdict verdict)
    {
        var bounds = checks.Count == 0 ? "no maxIncrease or maxRatio to judge by" : string.Join("; ", checks.Select(check => check.Text));
        return $"{metric.Name}: canary {Value(canary)} vs baseline {Value(baseline)} ({bounds}): {Word(verdict)}";
    }

    private static string Inconclusive(AnalysisMetricSpec metric, List<string> missing) =>
        $"{metric.Name}: {(missing.Count == 0 ? "no data" : string.Join(", ", missing))}: {Word(AnalysisVerdict.Inconclusive)}";

    private static string Increase(double increase, double maxIncrease) =>
        $"{(increase >= 0 ? "+" : string.Empty)}{Value(increase)} {(increase > maxIncrease ? ">" : "≤")} max increase {Number(maxIncrease)}";

    private static string Ratio(double ratio, double maxRatio) =>
        $"ratio {ratio.ToString("0.00##", CultureInfo.InvariantCulture)} {(ratio > maxRatio ? ">" : "≤")} max ratio {Number(maxRatio)}";

    /// <summary>"fail: error-rate failed, latency passed"; an interval with nothing to compare says so.</summary>
    private static string Summarize(AnalysisVerdict verdict, List<AnalysisMetricResult> metrics) =>
        metrics.Count == 0
            ? $"{Word(verdict)}: no metrics to compare"
            : $"{Word(verdict)}: {string.Join(", ", metrics.Select(m => $"{m.Name} {Past(m.Verdict)}"))}";

    private static string Word(AnalysisVerdict verdict) => verdict switch
    {
        AnalysisVerdict.Pass => "pass",
        AnalysisVerdict.Fail => "fail",
        _ => "inconclusive",
    };

    private static string Past(AnalysisVerdict verdict) => verdict switch
    {
        AnalysisVerdict.Pass => "passed",
        AnalysisVerdict.Fail => "failed",
        _ => "inconclusive",
    };

    /// <summary>A measured value with at least two decimals, as in "0.19 vs 0.00"; tiny values keep three significant digits.</summary>
    private static string Value(double value) =>
        value != 0 && Math.Abs(value) < 0.000001
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.00####", CultureInfo.InvariantCulture);

    /// <summary>A configured bound or a count, as written: 0.01, 1.5, 20.</summary>
    private static string Number(double value) => AlarmEvaluator.Number(value);
}
