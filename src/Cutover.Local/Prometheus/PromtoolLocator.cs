using Cutover.Local.Processes;

namespace Cutover.Local.Prometheus;

/// <summary>Finds promtool, which checks a Prometheus config before start.</summary>
internal static class PromtoolLocator
{
    /// <summary>promtool: the configured path, else next to the Prometheus binary, else on PATH; null when none or disabled.</summary>
    public static string? Find(PrometheusOptions options)
    {
        if (options.PromtoolPath is { } configured)
        {
            return configured.Length == 0 ? null : ExecutableLocator.Find(configured);
        }

        var prometheus = ExecutableLocator.Find(options.PrometheusPath);
        var sibling = prometheus is null ? null : Path.Combine(Path.GetDirectoryName(prometheus)!, "promtool");
        return sibling is not null && File.Exists(sibling) ? sibling : ExecutableLocator.Find("promtool");
    }
}
