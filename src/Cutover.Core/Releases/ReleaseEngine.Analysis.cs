using Cutover.Core.Analysis;

namespace Cutover.Core.Releases;

/// <summary>
/// Optional canary analysis: while the new version has production traffic, it is compared with the old one every
/// interval; too many failing (or inconclusive) comparisons in a row abort the release. A release is never
/// promoted on analysis without at least one passing comparison: no data is not a success.
/// </summary>
public sealed partial class ReleaseEngine
{
    private const string AnalysisActor = "rule:analysis";

    private AnalysisRun? _analysis;
    private Task? _analysisLoop;

    /// <summary>Starts comparing once, at the first shift; a no-op without <c>release.analysis</c> or a metrics source.</summary>
    private void StartAnalysis(CancellationToken cancellationToken)
    {
        if (_analysisLoop is not null || _settings.Release.Analysis is not { } spec || _canaryMetrics is null || Current.PreviousVersion is null)
        {
            return;
        }

        _analysis = new AnalysisRun(spec);
        _analysisLoop = Task.Run(() => AnalyzeAsync(spec, _canaryMetrics, cancellationToken), CancellationToken.None);
    }

    private async Task AnalyzeAsync(AnalysisSpec spec, ICanaryMetricsSource source, CancellationToken cancellationToken)
    {
        var analyzer = new CanaryAnalyzer(spec);
        try
        {
            while (!cancellationToken.IsCancellationRequested && WatchesAlarms && _abort is null)
            {
                var from = _time.GetUtcNow();
                await Task.Delay(spec.Interval, _time, cancellationToken).ConfigureAwait(false);
                var release = Current;
                if (!WatchesAlarms || _abort is not null)
                {
                    return;
                }

                var to = _time.GetUtcNow();
                var samples = new Dictionary<string, MetricSamples>(StringComparer.Ordinal);
                foreach (var metric in spec.Metrics)
                {
                    var canary = await source.ReadAsync(metric, release.Version, from, to, cancellationToken).ConfigureAwait(false);
                    var baseline = await source.ReadAsync(metric, release.PreviousVersion!, from, to, cancellationToken).ConfigureAwait(false);
                    samples[metric.Name] = new MetricSamples(canary, baseline);
                }

                var result = analyzer.Evaluate(from, to, samples);
                var status = _analysis!.Record(result);
                await AuditAsync(AnalysisActor, $"analysis.{result.Verdict.ToString().ToLowerInvariant()}", result.Summary, cancellationToken).ConfigureAwait(false);
                if (status != AnalysisRunStatus.Running)
                {
                    var reason = status == AnalysisRunStatus.Failed
                        ? $"canary analysis failed: {_analysis.Reason}"
                        : $"inconclusive: canary analysis had no usable data: {_analysis.Reason}";
                    RequestAbort(AnalysisActor, reason);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is going away; the saved release state is the intent.
        }
    }

    /// <summary>Before the release is committed: with analysis on, wait for a first passing comparison (or the run to fail).</summary>
    private async Task<HoldOutcome> AwaitAnalysisPassAsync(CancellationToken cancellationToken)
    {
        if (_analysis is null)
        {
            return HoldOutcome.Elapsed;
        }

        var announced = false;
        while (!_analysis.History.Any(r => r.Verdict == AnalysisVerdict.Pass))
        {
            if (!announced)
            {
                announced = true;
                await AuditAsync(AnalysisActor, "analysis.waiting", "no passing comparison yet: the release waits for one before it is committed", cancellationToken).ConfigureAwait(false);
            }

            var outcome = await HoldAsync(EvidencePollInterval, cancellationToken).ConfigureAwait(false);
            if (outcome != HoldOutcome.Elapsed)
            {
                return outcome;
            }
        }

        return HoldOutcome.Elapsed;
    }
}
