using Cutover.Testing.Prometheus;

namespace Cutover.SampleService.Tests;

/// <summary>Reads single samples out of a scrape by name and label set (any label order), as Prometheus reads them.</summary>
internal static class PrometheusText
{
    public static double? Value(string exposition, string series) => PrometheusExposition.Value(exposition, series);

    public static double Required(string exposition, string series) =>
        Value(exposition, series) ?? throw new ShouldAssertException($"No sample '{series}' in:\n{exposition}");
}
