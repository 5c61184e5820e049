namespace Cutover.Local.Prometheus;

/// <summary>A scrape target's health as of its last scrape.</summary>
public enum PrometheusTargetHealth
{
    /// <summary>Not scraped yet.</summary>
    Unknown,
    Up,
    Down,
}
