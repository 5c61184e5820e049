using Cutover.Core.Analysis;

namespace Cutover.Testing.Fakes;

/// <summary>Canary and baseline values a test sets per version; null means no data.</summary>
public sealed class FakeCanaryMetricsSource : ICanaryMetricsSource
{
    public Dictionary<string, AnalysisSample?> ByVersion { get; } = [];

    public Task<AnalysisSample?> ReadAsync(AnalysisMetricSpec metric, string version, DateTimeOffset intervalStart, DateTimeOffset intervalEnd, CancellationToken cancellationToken) =>
        Task.FromResult(ByVersion.GetValueOrDefault(version));
}
