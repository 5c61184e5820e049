namespace Cutover.Core.Analysis;

/// <summary>Where canary analysis reads metrics: Prometheus locally, CloudWatch on AWS.</summary>
public interface ICanaryMetricsSource
{
    /// <summary>
    /// One version's value of <paramref name="metric"/> (its metric and statistic) over [<paramref name="intervalStart"/>,
    /// <paramref name="intervalEnd"/>), with the requests it answered in that time.
    /// </summary>
    /// <param name="metric">What to read.</param>
    /// <param name="version">The version (canary or baseline) whose traffic is measured.</param>
    /// <param name="intervalStart">Start of the interval (named so, not <c>from</c>/<c>to</c>: <c>To</c> is reserved in VB, CA1716).</param>
    /// <param name="intervalEnd">End of the interval.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sample, or null when there is no data at all; parts of a sample may be null too.</returns>
    Task<AnalysisSample?> ReadAsync(
        AnalysisMetricSpec metric,
        string version,
        DateTimeOffset intervalStart,
        DateTimeOffset intervalEnd,
        CancellationToken cancellationToken);
}
